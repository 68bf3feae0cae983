#include "uid.h"

#include <algorithm>

namespace callsession::signaling {
namespace {

bool isUidCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '@' || c == '-';
}

}  // namespace

bool isValidUid(std::string_view uid) {
  return !uid.empty() && uid.size() <= kMaxUidLength &&
         std::all_of(uid.begin(), uid.end(), isUidCharacter);
}

}  // namespace callsession::signaling
