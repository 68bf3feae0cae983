#include "join_token.h"

#include <gtest/gtest.h>

#include "auth_token.h"
#include "core/base64url.h"

namespace callsession::server {
namespace {

constexpr std::string_view kKey = "server-signing-key";
constexpr int64_t kNow = 1'700'000'000;

MintedToken mint(int64_t now = kNow) {
  return mintJoinToken("ada", "team-42", kKey, now, 300);
}

TEST(JoinToken, AMintedTokenVerifiesWithItsClaims) {
  const MintedToken minted = mint();
  auto claims = verifyJoinToken(minted.token, kKey, kNow + 10);
  ASSERT_TRUE(claims.ok()) << claims.error().message;
  EXPECT_EQ(claims.value().sub, "ada");
  EXPECT_EQ(claims.value().sid, "team-42");
  EXPECT_EQ(claims.value().iat, kNow);
  EXPECT_EQ(claims.value().exp, kNow + 300);
  EXPECT_EQ(minted.expiresAt, kNow + 300);
  EXPECT_FALSE(claims.value().jti.empty());
}

TEST(JoinToken, EveryTokenHasItsOwnJti) {
  auto first = verifyJoinToken(mint().token, kKey, kNow);
  auto second = verifyJoinToken(mint().token, kKey, kNow);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first.value().jti, second.value().jti);
}

TEST(JoinToken, AnExpiredTokenIsRefusedAsExpired) {
  auto claims = verifyJoinToken(mint().token, kKey, kNow + 300);
  ASSERT_FALSE(claims.ok());
  EXPECT_EQ(claims.error().code, ErrorCode::kTokenExpired);
}

TEST(JoinToken, ATokenSignedWithAnotherKeyIsRefusedAsInvalid) {
  const MintedToken forged = mintJoinToken("ada", "team-42", "attacker-key", kNow, 300);
  auto claims = verifyJoinToken(forged.token, kKey, kNow);
  ASSERT_FALSE(claims.ok());
  EXPECT_EQ(claims.error().code, ErrorCode::kTokenInvalid);
}

TEST(JoinToken, ATokenMovedToAnotherSessionIsRefusedAsInvalid) {
  // Same signature, payload rewritten to name another session: the signature no longer covers it.
  const std::string token = mint().token;
  const size_t first = token.find('.');
  const size_t last = token.rfind('.');
  std::string payload = *base64UrlDecode(token.substr(first + 1, last - first - 1));
  payload.replace(payload.find("team-42"), 7, "team-43");
  const std::string moved =
      token.substr(0, first + 1) + base64UrlEncode(payload) + token.substr(last);
  auto claims = verifyJoinToken(moved, kKey, kNow);
  ASSERT_FALSE(claims.ok());
  EXPECT_EQ(claims.error().code, ErrorCode::kTokenInvalid);
}

TEST(JoinToken, AnotherSpellingOfTheSignatureIsRefused) {
  // 32 bytes take 43 base64url characters; the last one carries two spare bits. A lenient decoder
  // would read the same bytes with its lowest bit flipped. Only the canonical spelling is accepted.
  const std::string token = mint().token;
  std::string respelled = token;
  char& last = respelled.back();
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  ASSERT_EQ(alphabet.find(last) & 3U, 0U) << "a canonical last character has zero spare bits";
  last = alphabet[alphabet.find(last) ^ 1U];
  auto claims = verifyJoinToken(respelled, kKey, kNow);
  ASSERT_FALSE(claims.ok());
  EXPECT_EQ(claims.error().code, ErrorCode::kTokenInvalid);
}

TEST(JoinToken, AnAuthTokenIsNotAJoinToken) {
  const std::string authToken = mintAuthToken({"ada", "Ada", ""}, kKey, kNow);
  auto claims = verifyJoinToken(authToken, kKey, kNow);
  ASSERT_FALSE(claims.ok());
  EXPECT_EQ(claims.error().code, ErrorCode::kTokenInvalid);
}

TEST(JoinToken, GarbageIsRefusedAsInvalid) {
  for (const char* text : {"", "a.b", "a.b.c", "...", "not a token at all"}) {
    auto claims = verifyJoinToken(text, kKey, kNow);
    ASSERT_FALSE(claims.ok()) << text;
    EXPECT_EQ(claims.error().code, ErrorCode::kTokenInvalid) << text;
  }
}

}  // namespace
}  // namespace callsession::server
