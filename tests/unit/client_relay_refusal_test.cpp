#include <gtest/gtest.h>

#include "core/client/relay_refusal.h"

namespace callsession::client {
namespace {

TEST(RelayRefusal, ATurnServerRefusingTheCredentialsPointsAtTheSharedSecret) {
  const auto refusal = relayRefusal({"turn:127.0.0.1:3478?transport=udp", 401, "Unauthorized"});
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->code, ErrorCode::kRelayRefused);
  EXPECT_EQ(refusal->message,
            "The TURN server turn:127.0.0.1:3478?transport=udp refused this call (401 "
            "Unauthorized): the credentials were not accepted; CALLSESSION_TURN_SECRET on the "
            "server must be the TURN server's static-auth-secret.");
}

TEST(RelayRefusal, AnyServerErrorOfATurnsServerIsARefusal) {
  const auto refusal = relayRefusal({"turns:relay.example.org:443", 403, "Forbidden"});
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->message,
            "The TURN server turns:relay.example.org:443 refused this call (403 Forbidden).");
  EXPECT_TRUE(relayRefusal({"turn:r", 300, "Try Alternate"}));
  EXPECT_TRUE(relayRefusal({"turn:r", 699, ""}));
}

TEST(RelayRefusal, AnUnreachableServerIsNot) {
  EXPECT_FALSE(relayRefusal({"turn:10.0.0.1:3478", 701, "STUN host lookup received error."}));
  EXPECT_FALSE(relayRefusal({"turn:r", 299, ""}));
}

TEST(RelayRefusal, AStunServerIsNot) {
  EXPECT_FALSE(relayRefusal({"stun:stun.example.org", 401, "Unauthorized"}));
  EXPECT_FALSE(relayRefusal({"", 401, "Unauthorized"}));
}

}  // namespace
}  // namespace callsession::client
