#include "field_reader.h"

#include <limits>

#include "core/json_text.h"
#include "messages.h"

namespace callsession::signaling {

using nlohmann::json;

const json* FieldReader::find(const char* key, bool required, bool (json::*isType)() const,
                              const char* typeName) {
  readKeys_.insert(key);
  if (fault_) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) fail(std::string("Field '") + key + "' is missing.");
    return nullptr;
  }
  if (!((*it).*isType)()) {
    fail(std::string("Field '") + key + "' must be " + typeName + ".");
    return nullptr;
  }
  return &*it;
}

void FieldReader::requireString(const char* key, std::string& out) {
  if (const json* value = find(key, true, &json::is_string, "a string")) {
    out = value->get_ref<const std::string&>();
  }
}

void FieldReader::optionalString(const char* key, std::string& out) {
  if (const json* value = find(key, false, &json::is_string, "a string")) {
    out = value->get_ref<const std::string&>();
  }
}

void FieldReader::requireBool(const char* key, bool& out) {
  if (const json* value = find(key, true, &json::is_boolean, "true or false")) {
    out = value->get_ref<const bool&>();
  }
}

void FieldReader::requireInteger(const char* key, int64_t& out) {
  readInteger(find(key, true, &json::is_number_integer, "an integer"), key, out);
}

bool FieldReader::optionalInteger(const char* key, int64_t& out) {
  return readInteger(find(key, false, &json::is_number_integer, "an integer"), key, out);
}

bool FieldReader::readInteger(const json* value, const char* key, int64_t& out) {
  if (value == nullptr) return false;
  if (value->is_number_unsigned() &&
      value->get_ref<const json::number_unsigned_t&>() >
          static_cast<json::number_unsigned_t>(std::numeric_limits<int64_t>::max())) {
    fail(std::string("Field '") + key + "' is out of range.");
    return false;
  }
  out = value->get<int64_t>();
  return true;
}

void FieldReader::requireObjectText(const char* key, std::string& out) {
  if (const json* value = find(key, true, &json::is_object, "an object")) out = dumpCompact(*value);
}

void FieldReader::requireArrayText(const char* key, std::string& out) {
  if (const json* value = requireArray(key)) out = dumpCompact(*value);
}

const json* FieldReader::requireArray(const char* key) {
  return find(key, true, &json::is_array, "an array");
}

const json* FieldReader::optionalArray(const char* key) {
  return find(key, false, &json::is_array, "an array");
}

void FieldReader::fail(std::string message) {
  if (!fault_) fault_ = std::move(message);
}

std::optional<Error> FieldReader::finish(bool refuseUnknownKeys) const {
  if (fault_) return signalingError(*fault_);
  if (refuseUnknownKeys) {
    for (const auto& item : object_.items()) {
      if (readKeys_.count(item.key()) == 0) {
        return signalingError("Unknown field '" + item.key() + "'.");
      }
    }
  }
  return std::nullopt;
}

Result<Envelope> parseEnvelope(std::string_view text) {
  if (text.size() > kMaxMessageBytes) return signalingError("The message is over 64 KiB.");
  Envelope envelope;
  envelope.object = parseJson(text);
  if (envelope.object.is_discarded()) return signalingError("The message is not valid JSON.");
  if (!envelope.object.is_object()) return signalingError("The message is not a JSON object.");
  auto type = envelope.object.find("type");
  if (type == envelope.object.end() || !type->is_string()) {
    return signalingError("The message has no string 'type'.");
  }
  envelope.type = type->get_ref<const std::string&>();
  return envelope;
}

std::string dumpCompact(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json parseOrNull(std::string_view text) {
  json parsed = parseJson(text);
  if (parsed.is_discarded()) return nullptr;
  return parsed;
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
