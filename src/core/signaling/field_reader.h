#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json/value.h"
#include "core/json/writer.h"
#include "core/result.h"

namespace callsession::signaling {

// Reads the fields of one JSON object message. The first fault (missing field, wrong type) is kept
// and later reads are skipped, so a parser reads every field in a row and checks once at the end.
// It also remembers which keys it read, so that unknown keys can be refused.
class FieldReader {
 public:
  explicit FieldReader(const json::Value& object) : object_(object) {}

  void requireString(const char* key, std::string& out);
  void optionalString(const char* key, std::string& out);
  void requireBool(const char* key, bool& out);
  void requireInteger(const char* key, int64_t& out);
  // False (and `out` untouched) when the key is absent.
  bool optionalInteger(const char* key, int64_t& out);
  // The value of an object or array field, as compact JSON text.
  void requireObjectText(const char* key, std::string& out);
  void requireArrayText(const char* key, std::string& out);
  // For nested values the caller parses itself; nullptr (and a fault) when absent or not an array.
  const json::Value* requireArray(const char* key);
  const json::Value* optionalArray(const char* key);

  // Whether no fault was recorded so far.
  [[nodiscard]] bool good() const { return !fault_; }
  // Records a fault found by the caller (a value of the right type but out of range).
  void fail(std::string message);

  // The first fault, or, when `refuseUnknownKeys`, the first key nobody read.
  [[nodiscard]] std::optional<Error> finish(bool refuseUnknownKeys) const;

 private:
  // The value at `key` if it has the type `isType` checks; otherwise records a fault.
  const json::Value* find(const char* key, bool required, bool (json::Value::*isType)() const,
                          const char* typeName);
  bool readInteger(const json::Value* value, const char* key, int64_t& out);

  const json::Value& object_;
  // The keys asked for (string literals); a handful, so a list beats a tree, in the SDK too.
  std::vector<std::string_view> readKeys_;
  std::optional<std::string> fault_;
};

// The frame as a JSON object, and its `type`; refuses oversize frames, malformed JSON, non-objects
// and a missing or non-string type.
struct Envelope {
  json::Value object;
  std::string type;
};
Result<Envelope> parseEnvelope(std::string_view text);

// Writes JSON text that this module produced earlier (iceServersJson) as is; text that is
// not JSON becomes null, which the receiving parser then refuses.
void writeJsonOrNull(json::Writer& writer, std::string_view text);

// Number of Unicode code points in UTF-8 text (continuation bytes are not counted).
size_t codePointCount(std::string_view utf8);

Error signalingError(std::string message);

}  // namespace callsession::signaling
