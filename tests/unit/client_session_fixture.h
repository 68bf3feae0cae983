#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "client_fakes.h"
#include "core/client/client.h"
#include "test_tokens.h"

// The client with fake ports, logged in as ada and ready to join: shared by the session suites.
namespace callsession::client::testing {

using callsession::testing::makeJwt;
using callsession::testing::validClaims;
using Outcome = std::shared_ptr<std::optional<Result<JoinInfo>>>;

inline signaling::Participant person(const std::string& uid) {
  return {uid, uid + "'s name", 5, false, false};
}

// ada (logged in as "Ada") joins team-42 with validClaims()'s token: iat 1000, exp 1300.
class Session : public ::testing::Test {
 protected:
  Session() {
    client.account().init(R"({"appId":"demo","authKey":"k"})", "http://127.0.0.1:8080");
    client.account().login("ada", "Ada", "", [](const Result<User>&) {});
    platform.fakeHttp.answer(200, R"({"user":{"uid":"ada","name":"Ada"},"authToken":"t"})");
    platform.fakeClock.now = 1'100'000;
  }

  Outcome join(const std::string& token, const std::string& settings = "{}",
               ViewLog* log = nullptr) {
    auto outcome = std::make_shared<std::optional<Result<JoinInfo>>>();
    client.session().join({token, settings, std::make_unique<FakeView>(log ? *log : view)},
                          [outcome](Result<JoinInfo> result) { *outcome = std::move(result); });
    return outcome;
  }
  Outcome join() { return join(token); }

  signaling::Joined joinedAnswer(std::vector<signaling::Participant> others = {}) {
    return {"team-42", "ada", std::move(others), R"([{"urls":"stun:s"}])", 1'100'000, 9999};
  }
  // Media, socket and roster all arrive.
  Outcome joinFully(std::vector<signaling::Participant> others = {}) {
    auto outcome = join();
    platform.media->listener.onMediaReady();
    platform.socket->listener.onSignalingOpen();
    platform.socket->receive(joinedAnswer(std::move(others)));
    return outcome;
  }
  static ErrorCode codeOf(const Outcome& outcome) { return outcome->value().error().code; }
  [[nodiscard]] std::vector<std::string> tileUids() const {
    std::vector<std::string> uids;
    for (const auto& tile : view.scene->tiles) uids.push_back(tile.uid);
    return uids;
  }

  FakePlatform platform;
  Client client{platform};
  ViewLog view;
  std::string token = makeJwt(validClaims());
};

}  // namespace callsession::client::testing
