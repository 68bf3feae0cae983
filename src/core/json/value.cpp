#include "value.h"

#include <charconv>

#include "writer.h"

namespace callsession::json {

Value Value::boolean(bool value) {
  Value v;
  v.kind_ = Kind::kBool;
  v.bool_ = value;
  return v;
}

Value Value::number(std::string text) {
  Value v;
  v.kind_ = Kind::kNumber;
  v.text_ = std::move(text);
  return v;
}

Value Value::string(std::string text) {
  Value v;
  v.kind_ = Kind::kString;
  v.text_ = std::move(text);
  return v;
}

Value Value::array() {
  Value v;
  v.kind_ = Kind::kArray;
  return v;
}

Value Value::object() {
  Value v;
  v.kind_ = Kind::kObject;
  return v;
}

bool Value::isInteger() const {
  return kind_ == Kind::kNumber && text_.find_first_of(".eE") == std::string::npos;
}

std::optional<int64_t> Value::toInt64() const {
  if (!isInteger()) return std::nullopt;
  int64_t out = 0;
  const char* end = text_.data() + text_.size();
  auto [stop, error] = std::from_chars(text_.data(), end, out);
  if (error != std::errc() || stop != end) return std::nullopt;  // out of range
  return out;
}

const Value* Value::find(std::string_view key) const {
  if (kind_ != Kind::kObject) return nullptr;
  for (size_t i = keys_.size(); i-- > 0;) {
    if (keys_[i] == key) return &items_[i];
  }
  return nullptr;
}

std::string Value::stringOr(std::string_view key, std::string fallback) const {
  const Value* value = find(key);
  if (value != nullptr && value->isString()) return value->text_;
  return fallback;
}

void Value::append(std::string key, Value value) {
  keys_.push_back(std::move(key));
  items_.push_back(std::move(value));
}

std::string toText(const Value& value) {
  Writer writer;
  writer.value(value);
  return std::move(writer).take();
}

}  // namespace callsession::json
