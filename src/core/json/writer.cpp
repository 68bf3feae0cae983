#include "writer.h"

#include "core/decimal.h"
#include "utf8.h"

namespace callsession::json {

void Writer::separate() {
  if (!out_.empty() && out_.back() != '{' && out_.back() != '[' && out_.back() != ':') {
    out_ += ',';
  }
}

Writer& Writer::beginObject() {
  separate();
  out_ += '{';
  return *this;
}

Writer& Writer::endObject() {
  out_ += '}';
  return *this;
}

Writer& Writer::beginArray() {
  separate();
  out_ += '[';
  return *this;
}

Writer& Writer::endArray() {
  out_ += ']';
  return *this;
}

Writer& Writer::key(std::string_view name) {
  string(name);
  out_ += ':';
  return *this;
}

Writer& Writer::string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  separate();
  out_ += '"';
  for (size_t pos = 0; pos < text.size();) {
    const char c = text[pos];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const size_t length = utf8SequenceLength(text, pos);
      out_ += length == 0 ? std::string_view("\xEF\xBF\xBD") : text.substr(pos, length);
      pos += length == 0 ? 1 : length;
      continue;
    }
    ++pos;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out_ += "\\u00";
          out_ += kHex[byte >> 4U];
          out_ += kHex[byte & 0xFU];
        } else {
          out_ += c;
        }
    }
  }
  out_ += '"';
  return *this;
}

Writer& Writer::integer(int64_t number) {
  separate();
  out_ += decimal(number);
  return *this;
}

Writer& Writer::boolean(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

Writer& Writer::null() {
  separate();
  out_ += "null";
  return *this;
}

Writer& Writer::raw(std::string_view json) {
  separate();
  out_ += json;
  return *this;
}

Writer& Writer::value(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return null();
    case Value::Kind::kBool:
      return boolean(value.asBool());
    case Value::Kind::kNumber:
      return raw(value.text());
    case Value::Kind::kString:
      return string(value.text());
    case Value::Kind::kArray:
      beginArray();
      for (const Value& item : value.items()) this->value(item);
      return endArray();
    case Value::Kind::kObject:
      beginObject();
      for (size_t i = 0; i < value.items().size(); ++i) {
        key(value.keys()[i]).value(value.items()[i]);
      }
      return endObject();
  }
  return *this;
}

}  // namespace callsession::json
