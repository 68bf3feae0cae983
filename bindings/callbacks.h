#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <vector>

#include "core/callback.h"

// JS functions that call C++ back. Each is an id in a registry, so that a callback whose owner is
// gone (a closed socket, a left session) finds nothing and does nothing: the "deleted" flag of
// every browser handler. The JS side of a callback is `(value) => dispatch(id, value)` (pre.js),
// whatever number of arguments the browser passes.
namespace callsession::bindings {

using emscripten::val;
// What a JS function calls with its (first) argument.
using ValueCallback = callsession::Callback<void(val)>;

// A registered callback's JS function; it calls `callback` until released.
struct JsFunction {
  uint32_t id;
  val function;
};
JsFunction registerCallback(ValueCallback callback);
void releaseCallback(uint32_t id);

// Calls onOk with the value or onError with the reason once `promise` settles; each is released
// after either ran. Returns both ids, for an owner that may give up waiting first.
std::vector<uint32_t> whenSettled(const val& promise, ValueCallback onOk, ValueCallback onError);

// The embind export behind every callback.
void dispatchCallback(uint32_t id, val value);

// Owns callbacks for one browser object; destroying it releases them all.
class CallbackScope {
 public:
  CallbackScope() = default;
  CallbackScope(const CallbackScope&) = delete;
  CallbackScope& operator=(const CallbackScope&) = delete;
  ~CallbackScope();

  val function(ValueCallback callback);
  void whenSettled(
      const val& promise, ValueCallback onOk, ValueCallback onError = [](const val&) {});

 private:
  std::vector<uint32_t> ids_;
};

}  // namespace callsession::bindings
