#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Why the core has its own JSON rather than nlohmann::json (which the server still uses for its
// own answers): the core is compiled into the browser SDK, whose size target is 64 KB gzip for
// wasm + glue + wrapper, and nlohmann's parser, DOM and serializer were ≈19 KB gzip of it — the
// largest part. What the core needs is narrow: read small messages strictly (RFC 8259, UTF-8
// checked) and write its own; numbers are integers, or passed through untouched as their text.
namespace callsession::json {

// A parsed JSON value. Numbers keep their source text: integers are read from it on demand, and a
// number the core only passes on (a relayed signal's data) is written back exactly as it came.
class Value {
 public:
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

  Value() = default;
  static Value boolean(bool value);
  static Value number(std::string text);  // `text` must be a JSON number
  static Value string(std::string text);
  static Value array();
  static Value object();

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool isNull() const { return kind_ == Kind::kNull; }
  [[nodiscard]] bool isBool() const { return kind_ == Kind::kBool; }
  [[nodiscard]] bool isString() const { return kind_ == Kind::kString; }
  [[nodiscard]] bool isArray() const { return kind_ == Kind::kArray; }
  [[nodiscard]] bool isObject() const { return kind_ == Kind::kObject; }
  // A number without fraction or exponent (any size: see toInt64).
  [[nodiscard]] bool isInteger() const;

  [[nodiscard]] bool asBool() const { return bool_; }
  // A string's text, or a number's source text; empty for other kinds.
  [[nodiscard]] const std::string& text() const { return text_; }
  // An integer that fits int64_t; nullopt for anything else.
  [[nodiscard]] std::optional<int64_t> toInt64() const;

  // An array's elements or an object's values, in document order.
  [[nodiscard]] const std::vector<Value>& items() const { return items_; }
  // An object's keys, parallel to items().
  [[nodiscard]] const std::vector<std::string>& keys() const { return keys_; }
  // An object's value at `key` (the last one if the key repeats); nullptr if absent or not an
  // object.
  [[nodiscard]] const Value* find(std::string_view key) const;
  // A string field's text, or `fallback` when absent or not a string.
  [[nodiscard]] std::string stringOr(std::string_view key, std::string fallback = {}) const;

  // Adds an array element / an object member (after any of the same key; find sees the last).
  void append(Value item) { items_.push_back(std::move(item)); }
  void append(std::string key, Value value);

 private:
  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  std::string text_;
  std::vector<std::string> keys_;
  std::vector<Value> items_;
};

// Strict RFC 8259: one value, nothing but whitespace after it, valid UTF-8, no lone surrogate,
// nesting at most kMaxDepth deep. nullopt for anything else.
constexpr int kMaxDepth = 64;
std::optional<Value> parse(std::string_view text);

// Compact text of `value` (what parse accepts).
std::string toText(const Value& value);

}  // namespace callsession::json
