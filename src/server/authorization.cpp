#include "authorization.h"

#include <algorithm>

namespace callsession::server {

Status authorizeJoin(const std::optional<Meeting>& meeting, std::string_view uid,
                     int64_t nowSeconds) {
  if (!meeting) return makeError(ErrorCode::kSessionNotFound, "There is no such meeting.");
  if (meeting->hasExpired(nowSeconds)) {
    return makeError(ErrorCode::kSessionExpired, "The meeting has ended.");
  }
  const auto& allowed = meeting->allowList;
  if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), uid) == allowed.end()) {
    return makeError(ErrorCode::kNotAuthorized, "This user is not on the meeting's allow list.");
  }
  return okStatus();
}

}  // namespace callsession::server
