#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "core/result.h"

namespace callsession::signaling {

// Reads the fields of one JSON object message. The first fault (missing field, wrong type) is kept
// and later reads are skipped, so a parser reads every field in a row and checks once at the end.
// It also remembers which keys it read, so that unknown keys can be refused. Never throws: every
// accessor it calls is guarded by a type check (core builds nlohmann without exceptions).
class FieldReader {
 public:
  explicit FieldReader(const nlohmann::json& object) : object_(object) {}

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
  const nlohmann::json* requireArray(const char* key);
  const nlohmann::json* optionalArray(const char* key);

  // Whether no fault was recorded so far.
  [[nodiscard]] bool good() const { return !fault_; }
  // Records a fault found by the caller (a value of the right type but out of range).
  void fail(std::string message);

  // The first fault, or, when `refuseUnknownKeys`, the first key nobody read.
  [[nodiscard]] std::optional<Error> finish(bool refuseUnknownKeys) const;

 private:
  // The value at `key` if it has the type `isType` checks; otherwise records a fault.
  const nlohmann::json* find(const char* key, bool required, bool (nlohmann::json::*isType)() const,
                             const char* typeName);
  bool readInteger(const nlohmann::json* value, const char* key, int64_t& out);

  const nlohmann::json& object_;
  std::set<std::string> readKeys_;
  std::optional<std::string> fault_;
};

// The frame as a JSON object, and its `type`; refuses oversize frames, malformed JSON, non-objects
// and a missing or non-string type.
struct Envelope {
  nlohmann::json object;
  std::string type;
};
Result<Envelope> parseEnvelope(std::string_view text);

// Compact text that never fails: invalid UTF-8 is replaced, not refused.
std::string dumpCompact(const nlohmann::json& value);

// Parses JSON text that this module produced earlier (dataJson, iceServersJson); text that is not
// JSON becomes null, which the receiving parser then refuses.
nlohmann::json parseOrNull(std::string_view text);

// Number of Unicode code points in UTF-8 text (continuation bytes are not counted).
size_t codePointCount(std::string_view utf8);

Error signalingError(std::string message);

}  // namespace callsession::signaling
