#pragma once

#include <map>
#include <memory>
#include <string>

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
  struct TileElements {
    val tile;
    val video;  // null for a tile without video
    val avatar;
    val label;
  };

  [[nodiscard]] bool isElement() const;
  [[nodiscard]] static client::Size measure(const val& element);
  void restoreStyle();
  void addControls();
  TileElements& tileFor(const client::Tile& tile);

  MediaBoard& board_;
  val container_;
  val savedStyle_ = val::null();  // the container's own style attribute, restored on close
  // From open(), for present().
  client::ControlsOptions options_;
  client::ViewListener* listener_ = nullptr;
  bool controlStrip_ = false;  // the controls take a strip below the tiles
  val stage_ = val::null();
  val controls_ = val::null();
  val resizeObserver_ = val::null();
  std::map<std::string, TileElements> tiles_;  // by uid, "" for the local preview
  std::unique_ptr<CallbackScope> callbacks_;   // while open
};

}  // namespace callsession::bindings
