#include "core/token.h"

#include <gtest/gtest.h>

#include "test_tokens.h"

namespace callsession {
namespace {

using nlohmann::json;
using testing::makeJwt;
using testing::validClaims;

TEST(DecodeToken, ReadsEveryClaimAndKeepsTheSigningInput) {
  const std::string jwt = makeJwt(validClaims());
  auto decoded = decodeToken(jwt);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded.value().claims, (TokenClaims{"ada", "team-42", "j-1", 1000, 1300}));
  EXPECT_EQ(decoded.value().signingInput, jwt.substr(0, jwt.rfind('.')));
  EXPECT_EQ(decoded.value().signature, testing::kFakeSignature);
}

TEST(DecodeToken, RefusesAnAlgorithmOtherThanHs256) {
  auto decoded = decodeToken(makeJwt(validClaims(), {{"alg", "none"}}));
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().code, ErrorCode::kTokenInvalid);
}

TEST(DecodeToken, RefusesAMissingClaim) {
  for (const char* claim : {"sub", "sid", "jti", "iat", "exp"}) {
    json payload = validClaims();
    payload.erase(claim);
    auto decoded = decodeToken(makeJwt(payload));
    ASSERT_FALSE(decoded.ok()) << claim;
    EXPECT_EQ(decoded.error().code, ErrorCode::kTokenInvalid) << claim;
  }
}

TEST(DecodeToken, RefusesClaimsOfTheWrongType) {
  const std::vector<std::pair<const char*, json>> wrong{
      {"sub", 7},      {"sid", json::array()}, {"jti", nullptr},
      {"iat", "1000"}, {"exp", 1300.5},        {"exp", -1},
      {"sub", ""},     {"iat", true},
  };
  for (const auto& [claim, value] : wrong) {
    json payload = validClaims();
    payload[claim] = value;
    auto decoded = decodeToken(makeJwt(payload));
    ASSERT_FALSE(decoded.ok()) << claim << "=" << value.dump();
    EXPECT_EQ(decoded.error().code, ErrorCode::kTokenInvalid);
  }
}

TEST(DecodeToken, RefusesATokenThatExpiresBeforeItWasIssued) {
  json payload = validClaims();
  payload["exp"] = 999;
  EXPECT_FALSE(decodeToken(makeJwt(payload)).ok());
}

TEST(DecodeToken, RefusesASignatureThatIsNotHs256Sized) {
  const std::string jwt = makeJwt(validClaims());
  EXPECT_FALSE(decodeToken(jwt.substr(0, jwt.rfind('.') + 1)).ok());
  EXPECT_FALSE(decodeToken(makeJwt(validClaims(), {{"alg", "HS256"}}, std::string(31, 's'))).ok());
  EXPECT_FALSE(decodeToken(makeJwt(validClaims(), {{"alg", "HS256"}}, std::string(33, 's'))).ok());
}

// Hostile input: every case must come back as ERROR_TOKEN_INVALID, never abort or hang.
TEST(DecodeToken, SurvivesHostileInput) {
  const std::string good = makeJwt(validClaims());
  std::vector<std::string> hostile{
      "",
      ".",
      "..",
      "...",
      "a.b.c",
      "a.b",
      "a.b.c.d",
      std::string(kMaxTokenLength + 1, 'a'),
      base64UrlEncode("not json") + "." + base64UrlEncode("{}") + ".c2ln",
      base64UrlEncode("[1,2]") + "." + base64UrlEncode("{}") + ".c2ln",
      base64UrlEncode(R"({"alg":"HS256"})") + "." + base64UrlEncode("null") + ".c2ln",
      base64UrlEncode(R"({"alg":"HS256"})") + "." + base64UrlEncode(R"({"sub":{"a":1}})") + ".c2ln",
      base64UrlEncode(R"({"alg":"HS256"})") + "." + base64UrlEncode(std::string(3000, '[')) +
          ".c2ln",
      base64UrlEncode(R"({"alg":"HS256"})") + "." + base64UrlEncode(R"({"exp":1e400})") + ".c2ln",
      std::string("ey\0J.ey.c2ln", 11),
      "€€€.€€€.€€€",
  };
  for (size_t cut = 0; cut < good.size(); cut += 7) hostile.push_back(good.substr(0, cut));
  for (const std::string& input : hostile) {
    auto decoded = decodeToken(input);
    ASSERT_FALSE(decoded.ok()) << input.substr(0, 80);
    EXPECT_EQ(decoded.error().code, ErrorCode::kTokenInvalid);
  }
}

class CheckClaims : public ::testing::Test {
 protected:
  TokenClaims claims{"ada", "team-42", "j-1", 1000, 1300};
  TokenExpectations expected{"ada", "team-42", 1100, 5};
};

TEST_F(CheckClaims, AcceptsAFreshTokenForThisUserAndSession) {
  EXPECT_TRUE(checkClaims(claims, expected).ok());
}

TEST_F(CheckClaims, RefusesAnotherUsersToken) {
  expected.uid = "grace";
  EXPECT_EQ(checkClaims(claims, expected).error().code, ErrorCode::kTokenUserMismatch);
}

TEST_F(CheckClaims, RefusesATokenForAnotherSession) {
  expected.sessionId = "team-43";
  EXPECT_EQ(checkClaims(claims, expected).error().code, ErrorCode::kTokenSessionMismatch);
}

TEST_F(CheckClaims, RefusesAnExpiredTokenOnlyPastTheLeeway) {
  expected.nowSeconds = 1304;  // exp 1300 + leeway 5
  EXPECT_TRUE(checkClaims(claims, expected).ok());
  expected.nowSeconds = 1305;
  EXPECT_EQ(checkClaims(claims, expected).error().code, ErrorCode::kTokenExpired);
}

TEST_F(CheckClaims, RefusesATokenIssuedInTheFuture) {
  expected.nowSeconds = 990;
  EXPECT_EQ(checkClaims(claims, expected).error().code, ErrorCode::kTokenInvalid);
}

}  // namespace
}  // namespace callsession
