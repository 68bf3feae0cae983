// Durability under a crash: clients create meetings as fast as they can while the server is
// killed with SIGKILL, three times over. After each restart on the same database, every meeting
// whose creation was answered must exist: an answer is a promise the store already kept.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "server_process.h"
#include "temp_dir.h"
#include "test_clients.h"

namespace callsession::server::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kAuthKey = "durability-auth-key";
constexpr int kCreators = 4;
constexpr int kCrashes = 3;

class DurabilityTest : public ::testing::Test {
 protected:
  void start() {
    server.emplace(std::map<std::string, std::string>{
        {"CALLSESSION_DB", (dir.path() / "callsession.db").string()},
        {"CALLSESSION_AUTH_KEY", kAuthKey},
        {"CALLSESSION_WEB_ROOT", dir.path().string()}});
  }

  std::string login(const std::string& uid) {
    const HttpReply reply = httpRequest(server->port(), "POST", "/api/users/login",
                                        json{{"uid", uid}}.dump(), {{"X-Auth-Key", kAuthKey}});
    return reply.body.value("authToken", "");
  }

  // Creates meetings until the server stops answering; records every sessionId answered with 201.
  void createUntilDown(unsigned short port, const std::string& authToken) {
    while (true) {
      HttpReply reply;
      try {
        reply = httpRequest(port, "POST", "/api/meetings", json{{"strategy", "uuid"}}.dump(),
                            {{"Authorization", "Bearer " + authToken}});
      } catch (const std::exception&) {
        return;  // killed before this connection was made: refused
      }
      if (reply.status != 201) return;  // the server is gone (or refused): stop
      const std::lock_guard lock(answeredMutex);
      answered.push_back(reply.body.value("sessionId", ""));
      ++answeredCount;
    }
  }

  TempDir dir;
  std::optional<ServerProcess> server;
  std::mutex answeredMutex;
  std::vector<std::string> answered;
  std::atomic<size_t> answeredCount{0};
};

TEST_F(DurabilityTest, EveryAnsweredCreationSurvivesKill9DuringAStorm) {
  for (int crash = 0; crash < kCrashes; ++crash) {
    start();
    const unsigned short port = server->port();
    std::vector<std::string> authTokens;
    for (int i = 0; i < kCreators; ++i) authTokens.push_back(login("creator-" + std::to_string(i)));

    const size_t before = answeredCount;
    std::vector<std::thread> creators;
    for (const std::string& authToken : authTokens) {
      creators.emplace_back([this, port, authToken] { createUntilDown(port, authToken); });
    }
    // Kill mid-storm: once some creations were answered, with more in flight.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (answeredCount < before + 20 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(5ms);
    }
    server->killHard();
    for (auto& creator : creators) creator.join();
    server.reset();
    ASSERT_GE(answeredCount, before + 20) << "the storm never got going";
  }

  start();
  size_t missing = 0;
  for (const std::string& sessionId : answered) {
    if (httpRequest(server->port(), "GET", "/api/meetings/" + sessionId).status != 200) ++missing;
  }
  EXPECT_EQ(missing, 0U) << "of " << answered.size() << " answered creations";
}

}  // namespace
}  // namespace callsession::server::testing
