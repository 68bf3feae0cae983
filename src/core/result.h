#pragma once

#include <string>
#include <utility>
#include <variant>

#include "error_code.h"

namespace callsession {

// An expected failure: what JS receives as `error: {code, message}`.
struct Error {
  ErrorCode code;
  std::string message;

  friend bool operator==(const Error&, const Error&) = default;
};

// Data or an Error, never both and never neither: the `{data, error}` shape of the contract.
// Errors are values all the way down; nothing in the core throws across a boundary.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : value_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(value_); }
  [[nodiscard]] const T& value() const { return std::get<T>(value_); }
  [[nodiscard]] T& value() { return std::get<T>(value_); }
  [[nodiscard]] const Error& error() const { return std::get<Error>(value_); }

 private:
  std::variant<T, Error> value_;
};

// A result with no data.
using Status = Result<std::monostate>;
inline Status okStatus() {
  return std::monostate{};
}

inline Error makeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace callsession
