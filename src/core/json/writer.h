#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "value.h"

namespace callsession::json {

// Writes compact JSON text directly, with no value tree in between: the core's messages and
// events are written field by field. Commas are placed by the writer; the caller pairs
// begin/end and puts key() before each value inside an object.
//   Writer w;
//   w.beginObject().key("type").string("leave").endObject();
//   std::move(w).take();  // {"type":"leave"}
class Writer {
 public:
  Writer& beginObject();
  Writer& endObject();
  Writer& beginArray();
  Writer& endArray();
  Writer& key(std::string_view name);

  // Invalid UTF-8 is replaced by U+FFFD rather than refused, so writing never fails.
  Writer& string(std::string_view text);
  Writer& integer(int64_t number);
  Writer& boolean(bool flag);
  Writer& null();
  // Text that is one JSON value already (from toText, or validated by parse), copied as is.
  Writer& raw(std::string_view json);
  Writer& value(const Value& value);

  std::string take() && { return std::move(out_); }

 private:
  // A comma before a value or key unless it opens its container or follows its key.
  void separate();

  std::string out_;
};

// The text of one JSON object, its members written by `members(writer)`:
//   objectText([&](Writer& w) { w.key("uid").string(uid); });  // {"uid":"ada"}
template <class Members>
std::string objectText(Members&& members) {
  Writer w;
  w.beginObject();
  members(w);
  w.endObject();
  return std::move(w).take();
}

}  // namespace callsession::json
