#include "callbacks.h"

#include <map>
#include <memory>

namespace callsession::bindings {
namespace {

// A std::map rather than an unordered_map: the SDK already carries std::map's tree code, whereas a
// hash table adds libc++'s hashing, rehashing and prime-number code (with UsedTokens's, 1.8 KB
// gzip of wasm); a lookup happens once per browser event, where O(log n) costs nothing.
std::map<uint32_t, ValueCallback>& registry() {
  static auto* callbacks = new std::map<uint32_t, ValueCallback>();  // lives as long as JS
  return *callbacks;
}

uint32_t nextId = 1;

}  // namespace

JsFunction registerCallback(ValueCallback callback) {
  const uint32_t id = nextId++;
  registry().emplace(id, std::move(callback));
  return {id, val::module_property("callback")(id)};
}

void releaseCallback(uint32_t id) {
  registry().erase(id);
}

void dispatchCallback(uint32_t id, val value) {
  auto it = registry().find(id);
  if (it == registry().end()) return;   // released: its owner is gone
  ValueCallback callback = it->second;  // a copy: the callback may release itself
  callback(std::move(value));
}

std::vector<uint32_t> whenSettled(const val& promise, ValueCallback onOk, ValueCallback onError) {
  // Each side releases both, so neither outlives the settlement.
  auto ids = std::make_shared<std::vector<uint32_t>>();
  auto once = [ids](ValueCallback callback) {
    return [ids, callback = std::move(callback)](val value) {
      for (uint32_t id : *ids) releaseCallback(id);
      callback(std::move(value));
    };
  };
  JsFunction ok = registerCallback(once(std::move(onOk)));
  JsFunction error = registerCallback(once(std::move(onError)));
  *ids = {ok.id, error.id};
  promise.call<void>("then", ok.function, error.function);
  return *ids;
}

CallbackScope::~CallbackScope() {
  for (uint32_t id : ids_) releaseCallback(id);
}

val CallbackScope::function(ValueCallback callback) {
  JsFunction registered = registerCallback(std::move(callback));
  ids_.push_back(registered.id);
  return registered.function;
}

void CallbackScope::whenSettled(const val& promise, ValueCallback onOk, ValueCallback onError) {
  for (uint32_t id : bindings::whenSettled(promise, std::move(onOk), std::move(onError))) {
    ids_.push_back(id);
  }
}

}  // namespace callsession::bindings
