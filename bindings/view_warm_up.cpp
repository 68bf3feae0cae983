#include "view_warm_up.h"

#include "browser_view.h"
#include "core/client/layout.h"

namespace callsession::bindings {
namespace {

// Nobody can click a page that is never painted.
class NoViewer final : public client::ViewListener {
 public:
  void onControl(client::Control /*control*/) override {}
  void onResized(client::Size /*size*/) override {}
  void onTileClicked(const std::string& /*uid*/) override {}
  void onRemoteVideoPlaying() override {}
};

}  // namespace

void warmUpView() {
  val document = val::global("document");
  val body = document["body"];
  if (!body.instanceof (val::global("Element"))) return;
  val container = document.call<val>("createElement", std::string("div"));
  container.call<void>("setAttribute", std::string("aria-hidden"), std::string("true"));
  container["style"].set("visibility", "hidden");
  body.call<void>("appendChild", container);
  {
    MediaBoard board;  // of its own: the page's streams are never touched
    NoViewer viewer;
    BrowserView view(board, container);
    if (auto size = view.open({}, viewer); size.ok()) {
      view.present();
      client::Scene scene;
      scene.tiles = {{"", "Warm", {}}, {"warm-up", "Up", {}}};
      const auto rects = client::layoutTiles(
          {CallLayout::kTile, size.value(), scene.tiles.size(), std::nullopt, std::nullopt});
      for (size_t i = 0; i < rects.size(); ++i) scene.tiles[i].rect = rects[i];
      view.render(scene);
      container.call<val>("getBoundingClientRect");  // lays the page out now, not at paint
    }
  }  // the view closes here, taking its elements away
  container.call<void>("remove");
}

}  // namespace callsession::bindings
