#include "auth_token.h"

#include <gtest/gtest.h>

#include "join_token.h"

namespace callsession::server {
namespace {

constexpr std::string_view kKey = "server-signing-key";
constexpr int64_t kNow = 1'700'000'000;
const User kAda{"ada", "Ada Lovelace", "https://example.com/ada.png"};

TEST(AuthToken, AMintedTokenGivesBackItsUser) {
  EXPECT_EQ(verifyAuthToken(mintAuthToken(kAda, kKey, kNow), kKey, kNow + 60), kAda);
}

TEST(AuthToken, ExpiresAfterADay) {
  const std::string token = mintAuthToken(kAda, kKey, kNow);
  EXPECT_TRUE(verifyAuthToken(token, kKey, kNow + kAuthTokenTtlSeconds - 1));
  EXPECT_FALSE(verifyAuthToken(token, kKey, kNow + kAuthTokenTtlSeconds));
}

TEST(AuthToken, ATokenSignedWithAnotherKeyIsRefused) {
  EXPECT_FALSE(verifyAuthToken(mintAuthToken(kAda, "attacker-key", kNow), kKey, kNow));
}

TEST(AuthToken, AJoinTokenIsNotAnAuthToken) {
  const MintedToken joinToken = mintJoinToken("ada", "team-42", kKey, kNow, 300);
  EXPECT_FALSE(verifyAuthToken(joinToken.token, kKey, kNow));
}

}  // namespace
}  // namespace callsession::server
