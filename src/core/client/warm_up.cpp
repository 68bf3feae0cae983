#include "warm_up.h"

#include <string>

#include "core/base64url.h"
#include "core/client/events.h"
#include "core/client/join_validation.h"
#include "core/client/layout.h"
#include "core/json/writer.h"
#include "core/signaling/messages.h"

namespace callsession::client {
namespace {

constexpr int64_t kNowSeconds = 1'000'000;
constexpr size_t kHs256Bytes = 32;

// A token of the shape the server issues. The client checks a signature's size, never its value.
std::string madeUpToken(const std::string& uid, const std::string& sessionId) {
  const std::string claims = json::objectText([&](json::Writer& w) {
    w.key("sub").string(uid).key("sid").string(sessionId).key("jti").string("warm-up");
    w.key("iat").integer(kNowSeconds).key("exp").integer(kNowSeconds + 60);
  });
  return base64UrlEncode(R"({"alg":"HS256","typ":"JWT"})") + "." + base64UrlEncode(claims) + "." +
         base64UrlEncode(std::string(kHs256Bytes, 's'));
}

// A description signal as a peer sends one: SDP lines end in \r\n, which JSON escapes.
std::string madeUpDescription() {
  return json::objectText([](json::Writer& w) {
    w.key("description").beginObject().key("type").string("offer");
    w.key("sdp").string("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n").endObject();
  });
}

// What the server answers a join with, and relays, as text (docs/signaling.md): the client only
// parses these, so serializing them here would add the server's writer to the wasm.
constexpr const char* kJoined =
    R"({"type":"joined","sessionId":"warm-up-session","uid":"warm-up","participants":[)"
    R"({"uid":"other","name":"Other","joinedAt":1000000000,"audioMuted":false,"videoPaused":true}],)"
    R"("iceServers":[{"urls":"stun:stun.example.org"}],"serverTime":1000000000,"expiresAt":1003600})";
constexpr const char* kRelayedOffer =
    R"({"type":"signal","from":"other","data":{"description":{"type":"offer",)"
    R"("sdp":"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"}}})";

}  // namespace

bool warmUpJoinPath() {
  const std::string uid = "warm-up";
  const std::string token = madeUpToken(uid, "warm-up-session");
  UsedTokens used;
  const auto plan = validateJoin({true, uid, token, "{}", kNowSeconds, &used});

  const signaling::Participant self{uid, "Warm Up", kNowSeconds, false, false};
  const signaling::Participant other{"other", "Other", kNowSeconds, false, true};
  const std::string join =
      signaling::serialize(signaling::ClientMessage{signaling::Join{token, uid}});
  const auto joined = signaling::parseServerMessage(kJoined);

  const std::string sent = signaling::serialize(
      signaling::ClientMessage{signaling::Signal{"other", madeUpDescription()}});
  const auto received = signaling::parseServerMessage(kRelayedOffer);

  const auto tiles = layoutTiles({CallLayout::kTile, {1280, 720}, 2, std::nullopt, std::nullopt});
  const std::string list = events::participantList(self, {other});
  return plan.ok() && !join.empty() && joined.ok() && !sent.empty() && received.ok() &&
         tiles.size() == 2 && !list.empty();
}

}  // namespace callsession::client
