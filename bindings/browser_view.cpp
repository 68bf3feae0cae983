#include "browser_view.h"

#include <cmath>

#include "core/decimal.h"

namespace callsession::bindings {
namespace {

val createElement(const char* tag, const char* css) {
  val element = val::global("document").call<val>("createElement", std::string(tag));
  element["style"].set("cssText", css);
  return element;
}

void setPx(val& style, const char* property, int pixels) {
  style.set(property, decimal(pixels) + "px");
}

constexpr const char* kStageCss = "position:absolute;inset:0;overflow:hidden";
// The control bar gets its own strip below the tiles, so that it never covers a name or a face;
// a container too short to spare it lets the bar float over the tiles instead.
constexpr int kControlStripPx = 64;
constexpr int kShortestContainerWithStripPx = 4 * kControlStripPx;
constexpr const char* kTileCss =
    "position:absolute;box-sizing:border-box;padding:2px;cursor:pointer";
constexpr const char* kVideoCss =
    "width:100%;height:100%;object-fit:cover;background:#222;border-radius:6px;display:block";
constexpr const char* kAvatarCss =
    "position:absolute;inset:0;margin:auto;height:40%;aspect-ratio:1;border-radius:50%;"
    "background:#3a6ea5;color:#fff;font:600 clamp(10px,4vmin,48px) system-ui,sans-serif;"
    "display:flex;align-items:center;justify-content:center";
constexpr const char* kLabelCss =
    "position:absolute;left:10px;bottom:10px;padding:2px 8px;border-radius:4px;"
    "background:rgba(0,0,0,.6);color:#fff;font:13px system-ui,sans-serif";
constexpr const char* kControlsCss =
    "position:absolute;left:50%;bottom:12px;transform:translateX(-50%);display:flex;gap:8px;"
    "z-index:1";
constexpr const char* kButtonCss =
    "padding:8px 14px;border:0;border-radius:18px;background:#333;color:#fff;"
    "font:14px system-ui,sans-serif;cursor:pointer";

// The controls, by their data-action.
constexpr std::pair<const char*, client::Control> kActions[] = {
    {"toggle-audio", client::Control::kToggleAudio},
    {"toggle-video", client::Control::kToggleVideo},
    {"share-screen", client::Control::kShareScreen},
    {"layout", client::Control::kLayout},
    {"leave", client::Control::kLeave}};

void setFlag(const val& element, const char* attribute, bool on) {
  element.call<void>("toggleAttribute", std::string(attribute), on);
}

// The first letter of a name, whole even outside the Basic Multilingual Plane.
std::string initial(const std::string& name) {
  val letters = val::global("Array").call<val>("from", name);
  return letters["length"].as<int>() > 0 ? letters[0].call<std::string>("toUpperCase")
                                         : std::string("?");
}

// The contract's styling of a joined container.
constexpr std::pair<const char*, const char*> kContainerStyle[] = {
    {"position", "fixed"}, {"top", "0"},           {"left", "0"},         {"width", "100vw"},
    {"height", "100vh"},   {"background", "#000"}, {"overflow", "hidden"}};

}  // namespace

BrowserView::BrowserView(MediaBoard& board, val container)
    : board_(board), container_(std::move(container)) {}

BrowserView::~BrowserView() {
  close();
}

bool BrowserView::isElement() const {
  return container_.instanceof (val::global("Element"));
}

void BrowserView::setState(SessionState state) {
  if (isElement()) {
    container_.call<void>("setAttribute", std::string("data-callsession-state"),
                          std::string(toString(state)));
  }
}

client::Size BrowserView::measure(const val& element) {
  val rect = element.call<val>("getBoundingClientRect");
  return {static_cast<int>(std::lround(rect["width"].as<double>())),
          static_cast<int>(std::lround(rect["height"].as<double>()))};
}

Result<client::Size> BrowserView::open(const client::ControlsOptions& options,
                                       client::ViewListener& listener) {
  if (!isElement() || !container_["isConnected"].as<bool>()) {
    return makeError(ErrorCode::kContainerMissing,
                     "The container is not an element in the document.");
  }
  savedStyle_ = container_.call<val>("getAttribute", std::string("style"));
  val style = container_["style"];
  for (const auto& [property, value] : kContainerStyle) {
    style.call<void>("setProperty", std::string(property), std::string(value));
  }
  client::Size size = measure(container_);
  if (size.width <= 0 || size.height <= 0) {
    restoreStyle();
    return makeError(ErrorCode::kContainerZeroSize,
                     "The container measures 0x0 (is it or a parent display:none?).");
  }
  callbacks_ = std::make_unique<CallbackScope>();
  options_ = options;
  listener_ = &listener;
  // The tile area is worked out rather than measured once built: a second measurement would make
  // the browser lay the page out again before the join's media and signaling are even asked for.
  controlStrip_ = !options.hidePanel && size.height >= kShortestContainerWithStripPx;
  if (controlStrip_) size.height -= kControlStripPx;
  return size;
}

void BrowserView::present() {
  if (!callbacks_ || !stage_.isNull()) return;  // not open (or closed already), or presented
  stage_ = createElement("div", kStageCss);
  stage_.set("onclick", callbacks_->function([listener = listener_](const val& event) {
    val tile = event["target"].call<val>("closest", std::string("[data-participant]"));
    if (!tile.isNull()) {
      listener->onTileClicked(
          tile.call<std::string>("getAttribute", std::string("data-participant")));
    }
  }));
  // Media events do not bubble: the stage hears its videos' in the capture phase.
  stage_.call<void>("addEventListener", std::string("playing"),
                    callbacks_->function([listener = listener_](const val& event) {
                      if (event["target"].call<bool>("hasAttribute", std::string("data-uid"))) {
                        listener->onRemoteVideoPlaying();
                      }
                    }),
                    true);
  if (controlStrip_) {
    val stageStyle = stage_["style"];
    setPx(stageStyle, "bottom", kControlStripPx);
  }
  container_.call<void>("appendChild", stage_);
  if (!options_.hidePanel) addControls();
  // The stage follows the container; the tiles are laid out in the stage.
  resizeObserver_ = val::global("ResizeObserver").new_(callbacks_->function([this](const val&) {
    const client::Size now = measure(stage_);
    if (now.width > 0 && now.height > 0) listener_->onResized(now);
  }));
  resizeObserver_.call<void>("observe", stage_);
}

void BrowserView::addControls() {
  controls_ = createElement("div", kControlsCss);
  controls_.call<void>("setAttribute", std::string("data-callsession-controls"), std::string());
  const std::map<std::string, bool> hidden{{"toggle-audio", options_.hideToggleAudio},
                                           {"toggle-video", options_.hideToggleVideo},
                                           {"share-screen", options_.hideShareScreen},
                                           {"leave", options_.hideLeave}};
  for (const auto& [action, control] : kActions) {
    if (auto it = hidden.find(action); it != hidden.end() && it->second) continue;
    val button = createElement("button", kButtonCss);
    button.set("type", "button");
    button.call<void>("setAttribute", std::string("data-action"), std::string(action));
    controls_.call<void>("appendChild", button);
    buttons_.push_back({control, button, std::nullopt});
  }
  // One handler for the bar: the clicked button's data-action says what to do.
  controls_.set("onclick", callbacks_->function([listener = listener_](const val& event) {
    val button = event["target"].call<val>("closest", std::string("[data-action]"));
    if (button.isNull()) return;
    const std::string action = button.call<std::string>("getAttribute", std::string("data-action"));
    for (const auto& [name, control] : kActions) {
      if (action == name) listener->onControl(control);
    }
  }));
  container_.call<void>("appendChild", controls_);
}

BrowserView::TileElements& BrowserView::tileFor(const client::Tile& tile) {
  auto it = tiles_.find(tile.uid);
  if (it != tiles_.end()) return it->second;
  TileElements elements{createElement("div", kTileCss), val::null(),
                        createElement("div", kAvatarCss), createElement("span", kLabelCss),
                        std::nullopt};
  elements.tile.call<void>("setAttribute", std::string("data-participant"), tile.uid);
  // A remote tile always has its video element: it also plays the participant's audio.
  if (tile.hasVideo) {
    elements.video = createElement("video", kVideoCss);
    elements.video.set("autoplay", true);
    elements.video.set("playsInline", true);
    if (tile.uid.empty()) {
      elements.video.set("muted", true);  // no echo of one's own microphone
      elements.video.call<void>("setAttribute", std::string("data-local"), std::string());
    } else {
      elements.video.call<void>("setAttribute", std::string("data-uid"), tile.uid);
    }
    elements.tile.call<void>("appendChild", elements.video);
  }
  elements.avatar.call<void>("setAttribute", std::string("data-avatar"), std::string());
  elements.tile.call<void>("appendChild", elements.avatar);
  elements.tile.call<void>("appendChild", elements.label);
  stage_.call<void>("appendChild", elements.tile);
  return tiles_.emplace(tile.uid, std::move(elements)).first->second;
}

void BrowserView::render(const client::Scene& scene) {
  if (stage_.isNull()) return;
  std::map<std::string, bool> shown;
  for (const client::Tile& tile : scene.tiles) {
    show(tileFor(tile), tile);
    shown[tile.uid] = true;
  }
  for (auto it = tiles_.begin(); it != tiles_.end();) {
    if (shown.count(it->first) > 0) {
      ++it;
      continue;
    }
    it->second.tile.call<void>("remove");
    board_.removeVideoElement(it->first);
    it = tiles_.erase(it);
  }
  for (Button& button : buttons_) show(button, scene);
}

void BrowserView::show(TileElements& elements, const client::Tile& tile) {
  const std::optional<client::Tile>& was = elements.shown;
  const auto changed = [&was, &tile](auto client::Tile::*field) {
    return !was || (*was).*field != tile.*field;
  };
  if (changed(&client::Tile::rect)) {
    val style = elements.tile["style"];
    setPx(style, "left", tile.rect.x);
    setPx(style, "top", tile.rect.y);
    setPx(style, "width", tile.rect.width);
    setPx(style, "height", tile.rect.height);
  }
  // hasVideo needs no comparison: whether a tile has a video element is fixed when it is made.
  // Once given to the board, the element plays its stream as soon as there is one.
  if (changed(&client::Tile::videoHeld) && !tile.videoHeld && !elements.video.isNull()) {
    board_.setVideoElement(tile.uid, elements.video);
  }
  if (changed(&client::Tile::videoPaused)) {
    const bool showVideo = !elements.video.isNull() && !tile.videoPaused;
    if (!elements.video.isNull()) {
      elements.video["style"].set("visibility", showVideo ? "visible" : "hidden");
    }
    elements.avatar["style"].set("display", showVideo ? "none" : "flex");
    setFlag(elements.tile, "data-video-paused", !showVideo);
  }
  if (changed(&client::Tile::audioMuted)) {
    setFlag(elements.tile, "data-audio-muted", tile.audioMuted);
  }
  if (changed(&client::Tile::speaking)) {
    setFlag(elements.tile, "data-speaking", tile.speaking);
    elements.tile["style"].set("outline", tile.speaking ? "3px solid #4caf50" : "none");
  }
  if (changed(&client::Tile::pinned)) setFlag(elements.tile, "data-pinned", tile.pinned);
  const std::string& name = tile.name.empty() ? tile.uid : tile.name;
  if (changed(&client::Tile::name)) elements.avatar.set("textContent", initial(name));
  if (changed(&client::Tile::name) || changed(&client::Tile::pinned) ||
      changed(&client::Tile::audioMuted)) {
    std::string label = name;
    if (tile.uid.empty()) label += " (you)";
    if (tile.pinned) label += " \xF0\x9F\x93\x8C";      // pushpin
    if (tile.audioMuted) label += " \xF0\x9F\x94\x87";  // muted speaker
    elements.label.set("textContent", label);
  }
  elements.shown = tile;
}

void BrowserView::show(Button& button, const client::Scene& scene) {
  ButtonLook look{"Leave", false};
  switch (button.control) {
    case client::Control::kToggleAudio:
      look = {scene.audioMuted ? "Unmute" : "Mute", scene.audioMuted};
      break;
    case client::Control::kToggleVideo:
      look = {scene.videoPaused ? "Start video" : "Stop video", scene.videoPaused};
      break;
    case client::Control::kShareScreen:
      look = {scene.screenSharing ? "Stop sharing" : "Share screen", scene.screenSharing};
      break;
    case client::Control::kLayout:
      look = {"Layout: " + std::string(toString(scene.layout)), false};
      break;
    case client::Control::kLeave:
      break;
  }
  if (button.shown == look) return;
  button.element.set("textContent", look.text);
  button.element.call<void>("setAttribute", std::string("aria-pressed"),
                            std::string(look.pressed ? "true" : "false"));
  button.shown = std::move(look);
}

void BrowserView::restoreStyle() {
  // Chrome writes inline-style changes back into the attribute lazily, on the next read: read it
  // first, or the pending write lands after removeAttribute and leaves style="".
  container_.call<val>("getAttribute", std::string("style"));
  if (savedStyle_.isString()) {
    container_.call<void>("setAttribute", std::string("style"), savedStyle_);
  } else {
    container_.call<void>("removeAttribute", std::string("style"));
  }
}

void BrowserView::close() {
  if (!callbacks_) return;  // never opened, or closed already
  if (!resizeObserver_.isNull()) resizeObserver_.call<void>("disconnect");
  for (const auto& [uid, elements] : tiles_) board_.removeVideoElement(uid);
  tiles_.clear();
  if (!stage_.isNull()) stage_.call<void>("remove");
  if (!controls_.isNull()) controls_.call<void>("remove");
  stage_ = controls_ = resizeObserver_ = val::null();
  buttons_.clear();
  restoreStyle();
  callbacks_.reset();
}

}  // namespace callsession::bindings
