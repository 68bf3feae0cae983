#pragma once

#include "callbacks.h"
#include "core/callback.h"
#include "core/client/ports.h"

namespace callsession::bindings {

// One setTimeout; destroying it clears the timeout and releases the callback, so a late firing
// finds nothing.
class BrowserTimer final : public client::Timer {
 public:
  BrowserTimer(int64_t delayMillis, Callback<void()> fire);
  ~BrowserTimer() override;
  BrowserTimer(const BrowserTimer&) = delete;
  BrowserTimer& operator=(const BrowserTimer&) = delete;

 private:
  val handle_ = val::null();
  CallbackScope callbacks_;
};

}  // namespace callsession::bindings
