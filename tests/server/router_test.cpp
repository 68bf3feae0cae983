// The HTTP API (CONTRACT.md §2) through the router, with the real store on a temp file.
#include "router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth_token.h"
#include "fake_clock.h"
#include "join_token.h"
#include "local_rooms.h"
#include "sqlite_store.h"
#include "temp_dir.h"

namespace callsession::server {
namespace {

using nlohmann::json;

class RouterTest : public ::testing::Test {
 protected:
  HttpResponse call(const std::string& method, const std::string& target,
                    const std::string& body = "", std::map<std::string, std::string> headers = {}) {
    return route({method, target, std::move(headers), body, ""}, context, files);
  }
  HttpResponse callAs(const std::string& uid, const std::string& method, const std::string& target,
                      const std::string& body = "") {
    return call(method, target, body, {{"authorization", "Bearer " + authTokenFor(uid)}});
  }
  std::string authTokenFor(const std::string& uid) {
    return mintAuthToken({uid, uid, ""}, keys.signingKey, clock.nowSeconds());
  }
  // Creates a meeting as ada and gives its sessionId.
  std::string createMeeting(const json& body) {
    const HttpResponse response = callAs("ada", "POST", "/api/meetings", body.dump());
    EXPECT_EQ(response.status, 201U) << response.body;
    return bodyOf(response).value("sessionId", "");
  }
  static json bodyOf(const HttpResponse& response) {
    return json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  }
  static std::string headerOf(const HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return "(no " + name + ")";
  }
  static std::string errorCodeOf(const HttpResponse& response) {
    const json body = bodyOf(response);
    if (!body.contains("error") || !body["error"].is_object()) return "(no error object)";
    return body["error"].value("code", "(no code)");
  }

  testing::TempDir dir;
  SqliteStore store{dir.path() / "store.db"};
  testing::FakeClock clock;
  Config config;
  Keys keys{"signing-key", "app-key", false};
  LocalRooms rooms;
  Limits limits{config.limits};
  ServerContext context{config, keys, clock, store, rooms, limits};
  StaticFiles files{dir.path() / "web", "<script></script>"};
};

TEST_F(RouterTest, LoginGivesTheUserAndAnAuthToken) {
  const HttpResponse response = call("POST", "/api/users/login", R"({"uid":"ada","name":"Ada"})",
                                     {{"x-auth-key", "app-key"}});
  ASSERT_EQ(response.status, 200U) << response.body;
  const json body = bodyOf(response);
  EXPECT_EQ(body["user"], (json{{"uid", "ada"}, {"name", "Ada"}, {"avatar", ""}}));
  EXPECT_EQ(verifyAuthToken(body.value("authToken", ""), keys.signingKey, clock.nowSeconds()),
            (User{"ada", "Ada", ""}));
}

TEST_F(RouterTest, LoginWithoutTheRightKeyIs401) {
  for (const char* key : {"", "wrong-key", "app-key-but-longer"}) {
    const HttpResponse response =
        call("POST", "/api/users/login", R"({"uid":"ada"})", {{"x-auth-key", key}});
    EXPECT_EQ(response.status, 401U) << key;
    EXPECT_EQ(errorCodeOf(response), "ERROR_AUTH_FAILED");
  }
}

TEST_F(RouterTest, LoginWithABadUidIs400) {
  for (const char* body : {R"({"uid":""})", R"({"uid":"a b"})", R"({"uid":7})", R"({})",
                           R"({"uid":"ada","role":"admin"})", "not json", "[]"}) {
    const HttpResponse response =
        call("POST", "/api/users/login", body, {{"x-auth-key", "app-key"}});
    EXPECT_EQ(response.status, 400U) << body;
    EXPECT_EQ(errorCodeOf(response), "ERROR_BAD_REQUEST") << body;
  }
}

TEST_F(RouterTest, CreatingAMeetingNeedsAnAuthToken) {
  EXPECT_EQ(call("POST", "/api/meetings", "{}").status, 401U);
  const MintedToken joinToken =
      mintJoinToken("ada", "team-42", keys.signingKey, clock.nowSeconds(), 300);
  EXPECT_EQ(
      call("POST", "/api/meetings", "{}", {{"authorization", "Bearer " + joinToken.token}}).status,
      401U);
}

TEST_F(RouterTest, AUuidMeetingIsCreatedWithItsUrlAndExpiry) {
  const HttpResponse response =
      callAs("ada", "POST", "/api/meetings", R"({"strategy":"uuid","ttlSeconds":600})");
  ASSERT_EQ(response.status, 201U) << response.body;
  const json body = bodyOf(response);
  const std::string id = body.value("sessionId", "");
  EXPECT_EQ(id.size(), 36U);
  EXPECT_EQ(body["url"], "/meet/" + id);
  EXPECT_EQ(body["expiresAt"], clock.nowSeconds() + 600);
}

TEST_F(RouterTest, AResourceMeetingIsStableAndCreatedOnce) {
  const json request{{"strategy", "resource"}, {"resource", "team-42"}};
  const HttpResponse first = callAs("ada", "POST", "/api/meetings", request.dump());
  EXPECT_EQ(first.status, 201U);
  EXPECT_EQ(bodyOf(first)["created"], true);
  const HttpResponse again = callAs("bob", "POST", "/api/meetings", request.dump());
  EXPECT_EQ(again.status, 201U);
  EXPECT_EQ(bodyOf(again)["sessionId"], "team-42");
  EXPECT_EQ(bodyOf(again)["created"], false);
  EXPECT_EQ(bodyOf(again)["expiresAt"], bodyOf(first)["expiresAt"]);
}

TEST_F(RouterTest, ATimeMeetingIsBucketedByUtcDay) {
  EXPECT_EQ(createMeeting({{"strategy", "time"}, {"resource", "office-hours"}}),
            "office-hours-20231114");
}

TEST_F(RouterTest, AMalformedMeetingRequestIs400) {
  for (const char* body :
       {R"({"strategy":"random"})", R"({"strategy":"resource"})",
        R"({"strategy":"uuid","resource":"x"})", R"({"ttlSeconds":59})",
        R"({"ttlSeconds":2592001})", R"({"ttlSeconds":"600"})", R"({"allowList":"ada"})",
        R"({"allowList":["a b"]})", R"({"allowList":[1]})", R"({"color":"red"})", "{"}) {
    const HttpResponse response = callAs("ada", "POST", "/api/meetings", body);
    EXPECT_EQ(response.status, 400U) << body;
    EXPECT_EQ(errorCodeOf(response), "ERROR_BAD_REQUEST") << body;
  }
}

TEST_F(RouterTest, AMeetingCanBeReadBack) {
  const std::string id = createMeeting({{"allowList", {"ada", "bob"}}});
  const HttpResponse response = call("GET", "/api/meetings/" + id);
  ASSERT_EQ(response.status, 200U);
  EXPECT_EQ(bodyOf(response), (json{{"sessionId", id},
                                    {"createdAt", clock.nowSeconds()},
                                    {"expiresAt", clock.nowSeconds() + 86400},
                                    {"allowList", {"ada", "bob"}}}));
}

TEST_F(RouterTest, AnUnknownMeetingIs404) {
  for (const char* target :
       {"/api/meetings/nope-42", "/api/meetings/..", "/api/meetings/nope-42/participants"}) {
    const HttpResponse response = call("GET", target);
    EXPECT_EQ(response.status, 404U) << target;
    EXPECT_EQ(errorCodeOf(response), "ERROR_SESSION_NOT_FOUND") << target;
  }
}

TEST_F(RouterTest, NobodyIsConnectedToANewMeeting) {
  const std::string id = createMeeting({{"strategy", "uuid"}});
  const HttpResponse response = call("GET", "/api/meetings/" + id + "/participants");
  EXPECT_EQ(response.status, 200U);
  EXPECT_EQ(bodyOf(response), json::array());
}

TEST_F(RouterTest, AuthorizeAnswersOkForAnAllowedUser) {
  const std::string id = createMeeting({{"allowList", {"ada"}}});
  const HttpResponse response = callAs("ada", "POST", "/api/meetings/" + id + "/authorize");
  EXPECT_EQ(response.status, 200U);
  EXPECT_EQ(bodyOf(response), (json{{"ok", true}}));
}

TEST_F(RouterTest, AuthorizeRefusesInTheContractsOrder) {
  const std::string open = createMeeting({{"strategy", "uuid"}});
  const std::string closed = createMeeting({{"allowList", {"ada"}}});
  EXPECT_EQ(call("POST", "/api/meetings/" + open + "/authorize").status, 401U);
  EXPECT_EQ(callAs("eve", "POST", "/api/meetings/nope-42/authorize").status, 404U);
  EXPECT_EQ(callAs("eve", "POST", "/api/meetings/" + closed + "/authorize").status, 403U);
  clock.advanceSeconds(86400);
  const HttpResponse expired = callAs("eve", "POST", "/api/meetings/" + closed + "/authorize");
  EXPECT_EQ(expired.status, 410U);
  EXPECT_EQ(errorCodeOf(expired), "ERROR_SESSION_EXPIRED");
}

TEST_F(RouterTest, TheTokenEndpointGivesAJoinTokenForTheCaller) {
  config.tokenTtlSeconds = 120;
  const std::string id = createMeeting({{"strategy", "uuid"}});
  const HttpResponse response = callAs("bob", "POST", "/api/meetings/" + id + "/token");
  ASSERT_EQ(response.status, 200U) << response.body;
  const json body = bodyOf(response);
  EXPECT_EQ(body["expiresAt"], clock.nowSeconds() + 120);
  auto claims = verifyJoinToken(body.value("token", ""), keys.signingKey, clock.nowSeconds());
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims.value().sub, "bob");
  EXPECT_EQ(claims.value().sid, id);
}

TEST_F(RouterTest, TheTokenEndpointRefusesLikeAuthorize) {
  const std::string closed = createMeeting({{"allowList", {"ada"}}});
  const HttpResponse response = callAs("eve", "POST", "/api/meetings/" + closed + "/token");
  EXPECT_EQ(response.status, 403U);
  EXPECT_EQ(errorCodeOf(response), "ERROR_NOT_AUTHORIZED");
}

TEST_F(RouterTest, TokensPastTheUsersRateAre429WithRetryAfter) {
  limits = Limits(LimitsConfig{0, 0, 1, 0, false});  // one token a minute per user
  const std::string id = createMeeting({{"strategy", "uuid"}});
  EXPECT_EQ(callAs("bob", "POST", "/api/meetings/" + id + "/token").status, 200U);
  const HttpResponse refused = callAs("bob", "POST", "/api/meetings/" + id + "/token");
  EXPECT_EQ(refused.status, 429U);
  EXPECT_EQ(errorCodeOf(refused), "ERROR_RATE_LIMITED");
  EXPECT_EQ(headerOf(refused, "Retry-After"), "60");
  clock.advanceSeconds(60);
  EXPECT_EQ(callAs("bob", "POST", "/api/meetings/" + id + "/token").status, 200U);
  EXPECT_EQ(callAs("cy", "POST", "/api/meetings/" + id + "/token").status, 200U);
}

TEST_F(RouterTest, ARefusedTokenRequestDoesNotCount) {
  limits = Limits(LimitsConfig{0, 0, 1, 0, false});
  const std::string closed = createMeeting({{"allowList", {"ada"}}});
  EXPECT_EQ(callAs("eve", "POST", "/api/meetings/" + closed + "/token").status, 403U);
  const std::string open = createMeeting({{"strategy", "uuid"}});
  EXPECT_EQ(callAs("eve", "POST", "/api/meetings/" + open + "/token").status, 200U);
}

TEST_F(RouterTest, LoginsPastTheAddresssRateAre429EvenWithTheRightKey) {
  limits = Limits(LimitsConfig{0, 1, 0, 0, false});
  EXPECT_EQ(call("POST", "/api/users/login", R"({"uid":"eve"})", {{"x-auth-key", "guess"}}).status,
            401U);
  const HttpResponse refused =
      call("POST", "/api/users/login", R"({"uid":"eve"})", {{"x-auth-key", "app-key"}});
  EXPECT_EQ(refused.status, 429U);
  EXPECT_EQ(errorCodeOf(refused), "ERROR_RATE_LIMITED");
}

TEST_F(RouterTest, AnUnknownApiRouteIs404) {
  const HttpResponse response = call("GET", "/api/rooms");
  EXPECT_EQ(response.status, 404U);
  EXPECT_EQ(errorCodeOf(response), "ERROR_NOT_FOUND");
}

TEST_F(RouterTest, AKnownRouteWithAnotherMethodIs405WithAllow) {
  const HttpResponse response = call("DELETE", "/api/meetings/team-42");
  EXPECT_EQ(response.status, 405U);
  EXPECT_EQ(errorCodeOf(response), "ERROR_METHOD_NOT_ALLOWED");
  EXPECT_NE(std::find(response.headers.begin(), response.headers.end(),
                      std::pair<std::string, std::string>{"Allow", "GET"}),
            response.headers.end());
}

TEST_F(RouterTest, PagesAcceptOnlyGetAndHead) {
  EXPECT_EQ(call("POST", "/meet/team-42").status, 405U);
}

TEST_F(RouterTest, ThePlainWebSocketPathWithoutUpgradeIs400) {
  EXPECT_EQ(call("GET", "/ws").status, 400U);
}

TEST_F(RouterTest, ThePreflightAllowsTheApiHeadersFromAnyOrigin) {
  const HttpResponse response = call("OPTIONS", "/api/meetings");
  EXPECT_EQ(response.status, 204U);
  EXPECT_NE(std::find(response.headers.begin(), response.headers.end(),
                      std::pair<std::string, std::string>{"Access-Control-Allow-Origin", "*"}),
            response.headers.end());
}

}  // namespace
}  // namespace callsession::server
