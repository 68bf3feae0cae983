#include "field_reader.h"

#include <algorithm>

#include "messages.h"

namespace callsession::signaling {

using json::Value;

const Value* FieldReader::find(const char* key, bool required, bool (Value::*isType)() const,
                               const char* typeName) {
  readKeys_.emplace_back(key);
  if (fault_) return nullptr;
  const Value* value = object_.find(key);
  if (value == nullptr) {
    if (required) fail(std::string("Field '") + key + "' is missing.");
    return nullptr;
  }
  if (!(value->*isType)()) {
    fail(std::string("Field '") + key + "' must be " + typeName + ".");
    return nullptr;
  }
  return value;
}

void FieldReader::requireString(const char* key, std::string& out) {
  if (const Value* value = find(key, true, &Value::isString, "a string")) out = value->text();
}

void FieldReader::optionalString(const char* key, std::string& out) {
  if (const Value* value = find(key, false, &Value::isString, "a string")) out = value->text();
}

void FieldReader::requireBool(const char* key, bool& out) {
  if (const Value* value = find(key, true, &Value::isBool, "true or false")) out = value->asBool();
}

void FieldReader::requireInteger(const char* key, int64_t& out) {
  readInteger(find(key, true, &Value::isInteger, "an integer"), key, out);
}

bool FieldReader::optionalInteger(const char* key, int64_t& out) {
  return readInteger(find(key, false, &Value::isInteger, "an integer"), key, out);
}

bool FieldReader::readInteger(const Value* value, const char* key, int64_t& out) {
  if (value == nullptr) return false;
  auto number = value->toInt64();
  if (!number) {
    fail(std::string("Field '") + key + "' is out of range.");
    return false;
  }
  out = *number;
  return true;
}

void FieldReader::requireObjectText(const char* key, std::string& out) {
  if (const Value* value = find(key, true, &Value::isObject, "an object")) {
    out = json::toText(*value);
  }
}

void FieldReader::requireArrayText(const char* key, std::string& out) {
  if (const Value* value = requireArray(key)) out = json::toText(*value);
}

const Value* FieldReader::requireArray(const char* key) {
  return find(key, true, &Value::isArray, "an array");
}

const Value* FieldReader::optionalArray(const char* key) {
  return find(key, false, &Value::isArray, "an array");
}

void FieldReader::fail(std::string message) {
  if (!fault_) fault_ = std::move(message);
}

std::optional<Error> FieldReader::finish(bool refuseUnknownKeys) const {
  if (fault_) return signalingError(*fault_);
  if (refuseUnknownKeys) {
    for (const std::string& key : object_.keys()) {
      if (std::find(readKeys_.begin(), readKeys_.end(), key) == readKeys_.end())
        return signalingError("Unknown field '" + key + "'.");
    }
  }
  return std::nullopt;
}

Result<Envelope> parseEnvelope(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return signalingError("The message is over 64 KiB.");
  auto parsed = json::parse(text);
  if (!parsed) return signalingError("The message is not valid JSON.");
  if (!parsed->isObject()) return signalingError("The message is not a JSON object.");
  const Value* type = parsed->find("type");
  if (type == nullptr || !type->isString()) {
    return signalingError("The message has no string 'type'.");
  }
  std::string typeName = type->text();  // read before the value it lives in moves
  return Envelope{std::move(*parsed), std::move(typeName)};
}

void writeJsonOrNull(json::Writer& writer, std::string_view text) {
  if (json::parse(text)) {
    writer.raw(text);
  } else {
    writer.null();
  }
}

size_t codePointCount(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

Error signalingError(std::string message) {
  return makeError(ErrorCode::kSignalingFailed, std::move(message));
}

}  // namespace callsession::signaling
