#include "session_id.h"

#include <algorithm>

namespace callsession {
namespace {

bool isAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

bool isValidSessionId(std::string_view id) {
  if (id.size() < kMinSessionIdLength || id.size() > kMaxSessionIdLength) return false;
  if (!isAsciiAlnum(id.front()) || !isAsciiAlnum(id.back())) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return isAsciiAlnum(c) || c == '-' || c == '_'; });
}

}  // namespace callsession
