#include "turn_credentials.h"

#include <gtest/gtest.h>

namespace callsession::server {
namespace {

// Computed outside this code:
//   printf '%s' '1700000000:ada' | openssl dgst -sha1 -hmac 'north-wind' -binary | base64
TEST(TurnCredentials, MatchTheSharedSecretSchemeOfCoturn) {
  const TurnCredentials turn = mintTurnCredentials("north-wind", 1'700'000'000, "ada");
  EXPECT_EQ(turn.username, "1700000000:ada");
  EXPECT_EQ(turn.credential, "dd/sKaHwl4f+46zpQbUx/z6kxF0=");
}

TEST(TurnCredentials, DependOnTheSecretTheExpiryAndTheUid) {
  const std::string reference = mintTurnCredentials("north-wind", 1'700'000'000, "ada").credential;
  EXPECT_NE(mintTurnCredentials("south-wind", 1'700'000'000, "ada").credential, reference);
  EXPECT_NE(mintTurnCredentials("north-wind", 1'700'000'001, "ada").credential, reference);
  EXPECT_NE(mintTurnCredentials("north-wind", 1'700'000'000, "bob").credential, reference);
}

TEST(TurnCredentials, AUidWithAColonStaysAfterTheFirstOne) {
  // coturn reads the expiry up to the first colon; the rest is the uid as given.
  EXPECT_EQ(mintTurnCredentials("s", 5, "a:b").username, "5:a:b");
}

TEST(TurnCredentials, ExpireWithTheMeeting) {
  EXPECT_EQ(turnCredentialExpiry(1'000, 1'600), 1'600);
}

TEST(TurnCredentials, LiveNoLongerThanTheCapInALongMeeting) {
  const int64_t month = int64_t{30} * 24 * 60 * 60;
  EXPECT_EQ(turnCredentialExpiry(1'000, 1'000 + month), 1'000 + kMaxTurnCredentialSeconds);
  EXPECT_EQ(kMaxTurnCredentialSeconds, 8 * 60 * 60);
}

}  // namespace
}  // namespace callsession::server
