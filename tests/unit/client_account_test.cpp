#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client_fakes.h"
#include "core/client/account.h"
#include "test_tokens.h"

namespace callsession::client {
namespace {

using nlohmann::json;
using testing::FakePlatform;

const char* kConfig =
    R"({"appId":"demo","authKey":"k","serverUrl":"https://calls.example:8443/x"})";

class AccountTest : public ::testing::Test {
 protected:
  Result<User> login(const std::string& uid = "ada") {
    std::optional<Result<User>> result;
    account.login(uid, "Ada", "", [&](Result<User> r) { result = std::move(r); });
    if (!platform.fakeHttp.pending.empty()) {
      platform.fakeHttp.answer(
          200, R"({"user":{"uid":")" + uid + R"(","name":"Ada","avatar":""},"authToken":"at-1"})");
    }
    return *result;
  }
  std::optional<Result<IssuedToken>> generate(const std::string& sessionId = "team-42") {
    std::optional<Result<IssuedToken>> result;
    account.generateToken(sessionId, [&](Result<IssuedToken> r) { result = std::move(r); });
    return result;
  }

  FakePlatform platform;
  ClockSkew skew;
  Account account{platform, skew};
};

TEST_F(AccountTest, InitNeedsAnAppId) {
  for (const char* config : {"{}", R"({"appId":""})", R"({"appId":7})", "null", "[]"}) {
    auto status = account.init(config, "http://127.0.0.1:8080");
    ASSERT_FALSE(status.ok()) << config;
    EXPECT_EQ(status.error().code, ErrorCode::kNotInitialized);
  }
  EXPECT_FALSE(account.initialized());
}

TEST_F(AccountTest, InitDefaultsTheServerToThePageOrigin) {
  ASSERT_TRUE(account.init(R"({"appId":"demo"})", "http://127.0.0.1:8080").ok());
  EXPECT_EQ(account.webSocketUrl(), "ws://127.0.0.1:8080/ws");
}

TEST_F(AccountTest, TheWebSocketFollowsTheServersScheme) {
  ASSERT_TRUE(account.init(kConfig, "http://ignored").ok());
  EXPECT_EQ(account.webSocketUrl(), "wss://calls.example:8443/ws");
}

TEST_F(AccountTest, AServerUrlMustBeHttp) {
  auto status = account.init(R"({"appId":"demo","serverUrl":"ftp://x"})", "http://a");
  EXPECT_EQ(status.error().code, ErrorCode::kNotInitialized);
}

TEST_F(AccountTest, LoginBeforeInitFails) {
  EXPECT_EQ(login().error().code, ErrorCode::kNotInitialized);
  EXPECT_TRUE(platform.fakeHttp.pending.empty());
}

TEST_F(AccountTest, LoginPostsTheUidWithTheAuthKey) {
  account.init(kConfig, "");
  account.login("ada", "Ada", "", [](Result<User>) {});
  const HttpRequest& request = platform.fakeHttp.pending.front().request;
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://calls.example:8443/api/users/login");
  EXPECT_EQ(json::parse(request.body), (json{{"uid", "ada"}, {"name", "Ada"}}));
  EXPECT_NE(std::find(request.headers.begin(), request.headers.end(),
                      std::pair<std::string, std::string>{"X-Auth-Key", "k"}),
            request.headers.end());
}

TEST_F(AccountTest, ASuccessfulLoginRemembersTheUser) {
  account.init(kConfig, "");
  auto user = login();
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user.value(), (User{"ada", "Ada", ""}));
  EXPECT_EQ(account.user(), user.value());
}

TEST_F(AccountTest, ALoginRefusedByTheServerCarriesItsError) {
  account.init(kConfig, "");
  std::optional<Result<User>> result;
  account.login("ada", "", "", [&](Result<User> r) { result = std::move(r); });
  platform.fakeHttp.answer(401, R"({"error":{"code":"ERROR_AUTH_FAILED","message":"bad key"}})");
  EXPECT_EQ(result->error(), makeError(ErrorCode::kAuthFailed, "bad key"));
  EXPECT_FALSE(account.user());
}

TEST_F(AccountTest, AnUnreachableServerIsANetworkError) {
  account.init(kConfig, "");
  std::optional<Result<User>> result;
  account.login("ada", "", "", [&](Result<User> r) { result = std::move(r); });
  platform.fakeHttp.answer(0, "");
  EXPECT_EQ(result->error().code, ErrorCode::kNetwork);
}

TEST_F(AccountTest, AMalformedUidIsRefusedBeforeTheNetwork) {
  account.init(kConfig, "");
  EXPECT_EQ(login("no spaces").error().code, ErrorCode::kAuthFailed);
  EXPECT_TRUE(platform.fakeHttp.pending.empty());
}

TEST_F(AccountTest, ALoginAnsweredAfterLogoutDoesNotLogIn) {
  account.init(kConfig, "");
  std::optional<Result<User>> result;
  account.login("ada", "", "", [&](Result<User> r) { result = std::move(r); });
  account.logout();
  platform.fakeHttp.answer(200, R"({"user":{"uid":"ada"},"authToken":"t"})");
  EXPECT_FALSE(result->ok());
  EXPECT_FALSE(account.user());
}

TEST_F(AccountTest, GenerateTokenBeforeLoginIsAuthTokenMissing) {
  account.init(kConfig, "");
  EXPECT_EQ(generate()->error().code, ErrorCode::kAuthTokenMissing);
}

TEST_F(AccountTest, GenerateTokenRefusesAMalformedSessionId) {
  account.init(kConfig, "");
  login();
  EXPECT_EQ(generate("a b")->error().code, ErrorCode::kSessionNotFound);
}

TEST_F(AccountTest, GenerateTokenUsesTheAuthTokenAndLearnsTheServerClock) {
  account.init(kConfig, "");
  login();
  platform.fakeClock.now = 500'000;  // the token's iat says the server is at 1000 s
  std::optional<Result<IssuedToken>> result;
  account.generateToken("team-42", [&](Result<IssuedToken> r) { result = std::move(r); });
  const HttpRequest& request = platform.fakeHttp.pending.front().request;
  EXPECT_EQ(request.url, "https://calls.example:8443/api/meetings/team-42/token");
  EXPECT_EQ(request.headers.at(0),
            (std::pair<std::string, std::string>{"Authorization", "Bearer at-1"}));
  const std::string token = callsession::testing::makeJwt(callsession::testing::validClaims());
  platform.fakeHttp.answer(200, json{{"token", token}, {"expiresAt", 1300}}.dump());
  ASSERT_TRUE(result->ok());
  EXPECT_EQ(result->value().token, token);
  EXPECT_EQ(result->value().expiresAt, 1300);
  EXPECT_EQ(skew.offsetMillis(), 1'000'000 - 500'000);
}

TEST_F(AccountTest, TokenRefusalsUseTheContractCodes) {
  account.init(kConfig, "");
  login();
  for (auto [status, code] :
       {std::pair{404, ErrorCode::kSessionNotFound}, std::pair{410, ErrorCode::kSessionExpired},
        std::pair{403, ErrorCode::kNotAuthorized}, std::pair{401, ErrorCode::kAuthFailed}}) {
    std::optional<Result<IssuedToken>> result;
    account.generateToken("team-42", [&](Result<IssuedToken> r) { result = std::move(r); });
    platform.fakeHttp.answer(status, "not json");
    EXPECT_EQ(result->error().code, code) << status;
  }
}

TEST_F(AccountTest, LogoutForgetsTheUser) {
  account.init(kConfig, "");
  login();
  account.logout();
  EXPECT_FALSE(account.user());
  EXPECT_EQ(generate()->error().code, ErrorCode::kAuthTokenMissing);
}

}  // namespace
}  // namespace callsession::client
