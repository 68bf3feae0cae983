#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "callbacks.h"
#include "core/client/ports.h"
#include "media_board.h"

namespace callsession::bindings {

// The container of CONTRACT.md §6: its state attribute, the tiles (video[data-local],
// video[data-uid]) placed where the core's layout says, and the controls ([data-action]). Each
// tile is a [data-participant] element marked data-audio-muted, data-video-paused, data-speaking
// and data-pinned as they apply; a paused or absent video shows the name's initial instead.
class BrowserView final : public client::View {
 public:
  BrowserView(MediaBoard& board, val container);
  ~BrowserView() override;

  void setState(SessionState state) override;
  Result<client::Size> open(const client::ControlsOptions& options,
                            client::ViewListener& listener) override;
  void present() override;
  void render(const client::Scene& scene) override;
  void close() override;

 private:
  // render() writes only what changed since the tile or button was last shown: a text written
  // again replaces its node, which the browser lays out and shapes anew, and renders come with
  // every change in the call (someone mutes, someone else starts speaking).
  struct TileElements {
    val tile;
    val video;  // null for a tile without video
    val avatar;
    val label;
    std::optional<client::Tile> shown;  // as last rendered
  };
  struct ButtonLook {
    std::string text;
    bool pressed = false;

    friend bool operator==(const ButtonLook&, const ButtonLook&) = default;
  };
  struct Button {
    client::Control control;
    val element;
    std::optional<ButtonLook> shown;
  };

  [[nodiscard]] bool isElement() const;
  [[nodiscard]] static client::Size measure(const val& element);
  void restoreStyle();
  void addControls();
  TileElements& tileFor(const client::Tile& tile);
  void show(TileElements& elements, const client::Tile& tile);
  static void show(Button& button, const client::Scene& scene);

  MediaBoard& board_;
  val container_;
  val savedStyle_ = val::null();  // the container's own style attribute, restored on close
  // From open(), for present().
  client::ControlsOptions options_;
  client::ViewListener* listener_ = nullptr;
  bool controlStrip_ = false;  // the controls take a strip below the tiles
  val stage_ = val::null();
  val controls_ = val::null();
  std::vector<Button> buttons_;
  val resizeObserver_ = val::null();
  std::map<std::string, TileElements> tiles_;  // by uid, "" for the local preview
  std::unique_ptr<CallbackScope> callbacks_;   // while open
};

}  // namespace callsession::bindings
