#pragma once

#include <cstddef>
#include <cstdlib>
#include <type_traits>
#include <utility>

namespace callsession {

// A callable of signature R(Args...), used in place of std::function for the core's callbacks
// and the browser bindings'. Why: the SDK stores a few hundred distinct lambdas, and for each one
// std::function emits seven functions (call, two clones, two destroys, target, target_type); that
// was ~22 KB of the wasm. Here each lambda costs a call and a destructor. Copies share the one
// stored callable (reference counted, single-threaded like the core) instead of cloning it; no
// callback here relies on copies having separate state.
template <class Signature>
class Callback;

template <class R, class... Args>
class Callback<R(Args...)> {
 public:
  Callback() = default;
  Callback(std::nullptr_t) {}  // NOLINT(google-explicit-constructor): as std::function

  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback> &&
                                              std::is_invocable_r_v<R, std::decay_t<F>&, Args...>>>
  Callback(F&& f)  // NOLINT(google-explicit-constructor): a lambda converts, as to std::function
      : target_(new Holder<std::decay_t<F>>(std::forward<F>(f))) {}

  Callback(const Callback& other) : target_(other.target_) {
    if (target_ != nullptr) ++target_->references;
  }
  Callback(Callback&& other) noexcept : target_(std::exchange(other.target_, nullptr)) {}
  Callback& operator=(Callback other) noexcept {
    std::swap(target_, other.target_);
    return *this;
  }
  ~Callback() {
    if (target_ != nullptr && --target_->references == 0) delete target_;
  }

  explicit operator bool() const { return target_ != nullptr; }

  // Calling an empty Callback is a bug (std::function would throw bad_function_call).
  R operator()(Args... args) const {
    if (target_ == nullptr) std::abort();
    return target_->call(std::forward<Args>(args)...);
  }

 private:
  struct Target {
    Target() = default;
    Target(const Target&) = delete;
    Target& operator=(const Target&) = delete;
    virtual ~Target() = default;
    virtual R call(Args&&... args) = 0;
    int references = 1;
  };

  template <class F>
  struct Holder final : Target {
    explicit Holder(F&& f) : callable(std::move(f)) {}
    explicit Holder(const F& f) : callable(f) {}
    R call(Args&&... args) override {
      if constexpr (std::is_void_v<R>) {
        callable(std::forward<Args>(args)...);
      } else {
        return callable(std::forward<Args>(args)...);
      }
    }
    F callable;
  };

  Target* target_ = nullptr;
};

}  // namespace callsession
