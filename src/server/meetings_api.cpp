#include "meetings_api.h"

#include "authorization.h"
#include "core/session_id.h"
#include "core/signaling/uid.h"
#include "http_error.h"
#include "join_token.h"
#include "meeting_ids.h"
#include "request_body.h"

namespace callsession::server {
namespace {

constexpr int64_t kDefaultMeetingTtlSeconds = int64_t{24} * 60 * 60;
constexpr int64_t kMinMeetingTtlSeconds = 60;
constexpr int64_t kMaxMeetingTtlSeconds = int64_t{30} * 24 * 60 * 60;
constexpr size_t kMaxAllowListSize = 1000;
constexpr size_t kMaxResourceLength = 256;

struct MeetingRequest {
  Strategy strategy = Strategy::kUuid;
  std::string resource;
  int64_t ttlSeconds = kDefaultMeetingTtlSeconds;
  std::vector<std::string> allowList;
};

std::vector<std::string> readAllowList(const json::Value* list) {
  std::vector<std::string> uids;
  if (list == nullptr) return uids;
  if (list->items().size() > kMaxAllowListSize) {
    throw HttpError::badRequest("'allowList' is too long.");
  }
  for (const json::Value& uid : list->items()) {
    if (!uid.isString() || !signaling::isValidUid(uid.text())) {
      throw HttpError::badRequest("'allowList' must hold valid uids only.");
    }
    uids.push_back(uid.text());
  }
  return uids;
}

MeetingRequest readMeetingRequest(const json::Value& body) {
  MeetingRequest request;
  signaling::FieldReader reader(body);
  std::string strategy = "uuid";
  reader.optionalString("strategy", strategy);
  reader.optionalString("resource", request.resource);
  reader.optionalInteger("ttlSeconds", request.ttlSeconds);
  const json::Value* allowList = reader.optionalArray("allowList");
  requireWellFormed(reader);

  auto known = strategyFromString(strategy);
  if (!known) throw HttpError::badRequest("'strategy' must be \"uuid\", \"resource\" or \"time\".");
  request.strategy = *known;
  const bool needsResource = request.strategy != Strategy::kUuid;
  if (needsResource && request.resource.empty()) {
    throw HttpError::badRequest("The " + strategy + " strategy needs a 'resource'.");
  }
  if (!needsResource && body.find("resource") != nullptr) {
    throw HttpError::badRequest("The uuid strategy takes no 'resource'.");
  }
  if (request.resource.size() > kMaxResourceLength) {
    throw HttpError::badRequest("'resource' must be at most 256 characters.");
  }
  if (request.ttlSeconds < kMinMeetingTtlSeconds || request.ttlSeconds > kMaxMeetingTtlSeconds) {
    throw HttpError::badRequest("'ttlSeconds' must be from 60 to 2592000 (30 days).");
  }
  request.allowList = readAllowList(allowList);
  return request;
}

std::string sessionIdFor(const MeetingRequest& request, int64_t nowSeconds) {
  switch (request.strategy) {
    case Strategy::kResource:
      return resourceSessionId(request.resource);
    case Strategy::kTime:
      return timeSessionId(request.resource, nowSeconds);
    case Strategy::kUuid:
      break;
  }
  return uuidSessionId();
}

// The stored meeting of a path segment; a malformed id is not looked up at all.
std::optional<Meeting> findMeeting(const std::string& sessionId, const ServerContext& context) {
  if (!isValidSessionId(sessionId)) return std::nullopt;
  return context.store.findMeeting(sessionId);
}

Meeting requireMeeting(const std::string& sessionId, const ServerContext& context) {
  auto meeting = findMeeting(sessionId, context);
  if (!meeting) {
    throw HttpError::fromError(makeError(ErrorCode::kSessionNotFound, "There is no such meeting."));
  }
  return *meeting;
}

// The authorize/token checks; the caller when they pass.
User requireAuthorizedUser(const std::string& sessionId, const HttpRequest& request,
                           const ServerContext& context) {
  User user = requireUser(request, context);
  auto allowed =
      authorizeJoin(findMeeting(sessionId, context), user.uid, context.clock.nowSeconds());
  if (!allowed.ok()) throw HttpError::fromError(allowed.error());
  return user;
}

}  // namespace

HttpResponse createMeeting(const HttpRequest& request, const ServerContext& context) {
  requireUser(request, context);
  const MeetingRequest wanted = readMeetingRequest(jsonObjectBody(request));
  const int64_t now = context.clock.nowSeconds();
  const Meeting meeting{sessionIdFor(wanted, now), now, now + wanted.ttlSeconds, wanted.allowList};
  // Stored durably before the answer: a crash after this line cannot lose the meeting.
  const MeetingCreation creation = context.store.createMeeting(meeting, now);
  const Meeting& stored = creation.meeting;
  // Always 201, as the contract says, so a client asking for a stable meeting treats "made now"
  // and "already there" alike; `created` (an addition) tells them apart.
  return jsonResponse(201, {{"sessionId", stored.sessionId},
                            {"url", "/meet/" + stored.sessionId},
                            {"expiresAt", stored.expiresAt},
                            {"created", creation.created}});
}

HttpResponse getMeeting(const std::string& sessionId, const ServerContext& context) {
  const Meeting meeting = requireMeeting(sessionId, context);
  return jsonResponse(200, {{"sessionId", meeting.sessionId},
                            {"createdAt", meeting.createdAt},
                            {"expiresAt", meeting.expiresAt},
                            {"allowList", meeting.allowList}});
}

HttpResponse listParticipants(const std::string& sessionId, const ServerContext& context) {
  requireMeeting(sessionId, context);
  nlohmann::json participants = nlohmann::json::array();
  for (const auto& participant : context.rooms.roster(sessionId)) {
    participants.push_back(
        {{"uid", participant.uid}, {"name", participant.name}, {"joinedAt", participant.joinedAt}});
  }
  return jsonResponse(200, participants);
}

HttpResponse authorizeMeeting(const std::string& sessionId, const HttpRequest& request,
                              const ServerContext& context) {
  requireAuthorizedUser(sessionId, request, context);
  return jsonResponse(200, {{"ok", true}});
}

HttpResponse issueJoinToken(const std::string& sessionId, const HttpRequest& request,
                            const ServerContext& context) {
  const User user = requireAuthorizedUser(sessionId, request, context);
  if (auto wait =
          context.limits.takeToken(user.uid, request.clientAddress, context.clock.nowMillis())) {
    throw HttpError::rateLimited(*wait,
                                 "Too many tokens for this user or address; try again later.");
  }
  const MintedToken minted =
      mintJoinToken(user.uid, sessionId, context.keys.signingKey, context.clock.nowSeconds(),
                    context.config.tokenTtlSeconds);
  return jsonResponse(200, {{"token", minted.token}, {"expiresAt", minted.expiresAt}});
}

}  // namespace callsession::server
