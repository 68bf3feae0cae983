#include "browser_timer.h"

namespace callsession::bindings {

BrowserTimer::BrowserTimer(int64_t delayMillis, Callback<void()> fire) {
  handle_ = val::global().call<val>(
      "setTimeout", callbacks_.function([fire = std::move(fire)](const val&) { fire(); }),
      static_cast<double>(delayMillis));
}

BrowserTimer::~BrowserTimer() {
  val::global().call<void>("clearTimeout", handle_);
}

}  // namespace callsession::bindings
