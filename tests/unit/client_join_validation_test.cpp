#include <gtest/gtest.h>

#include "core/client/join_validation.h"
#include "test_tokens.h"

namespace callsession::client {
namespace {

using callsession::testing::makeJwt;
using callsession::testing::validClaims;

// validClaims(): sub ada, sid team-42, jti j-1, iat 1000, exp 1300.
class JoinValidation : public ::testing::Test {
 protected:
  JoinInputs inputs() { return {true, "ada", token, "{}", 1100, &used}; }
  static ErrorCode codeOf(const Result<JoinPlan>& result) { return result.error().code; }

  std::string token = makeJwt(validClaims());
  UsedTokens used;
};

TEST_F(JoinValidation, AFreshTokenOfThisUserPasses) {
  auto plan = validateJoin(inputs());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan.value().claims.sid, "team-42");
  EXPECT_EQ(plan.value().settings, SessionSettings{});
}

TEST_F(JoinValidation, NeedsInit) {
  JoinInputs in = inputs();
  in.initialized = false;
  EXPECT_EQ(codeOf(validateJoin(in)), ErrorCode::kNotInitialized);
}

TEST_F(JoinValidation, NeedsALogin) {
  JoinInputs in = inputs();
  in.uid = "";
  EXPECT_EQ(codeOf(validateJoin(in)), ErrorCode::kAuthTokenMissing);
}

TEST_F(JoinValidation, SettingsAreCheckedBeforeTheToken) {
  JoinInputs in = inputs();
  in.settingsJson = R"({"sessionTyp":"VIDEO"})";
  in.token = "garbage";
  EXPECT_EQ(codeOf(validateJoin(in)), ErrorCode::kSettingsInvalid);
}

TEST_F(JoinValidation, AMalformedTokenIsInvalid) {
  JoinInputs in = inputs();
  in.token = "not.a.jwt";
  EXPECT_EQ(codeOf(validateJoin(in)), ErrorCode::kTokenInvalid);
}

TEST_F(JoinValidation, ATokenNamingNoValidSessionIsInvalid) {
  auto claims = validClaims();
  claims["sid"] = "../x";
  token = makeJwt(claims);
  EXPECT_EQ(codeOf(validateJoin(inputs())), ErrorCode::kTokenInvalid);
}

TEST_F(JoinValidation, AnotherUsersTokenIsAMismatch) {
  JoinInputs in = inputs();
  in.uid = "bob";
  EXPECT_EQ(codeOf(validateJoin(in)), ErrorCode::kTokenUserMismatch);
}

TEST_F(JoinValidation, AnExpiredTokenIsExpired) {
  JoinInputs in = inputs();
  in.serverNowSeconds = 1400;
  EXPECT_EQ(codeOf(validateJoin(in)), ErrorCode::kTokenExpired);
}

TEST_F(JoinValidation, AUsedTokenIsAlreadyUsed) {
  used.markUsed("j-1", 1300, 1100);
  EXPECT_EQ(codeOf(validateJoin(inputs())), ErrorCode::kTokenAlreadyUsed);
}

}  // namespace
}  // namespace callsession::client
