#pragma once

// The fixture of the integration tests: the real server binary on a loopback port with its own
// database, and the steps every test takes through the HTTP API and the signaling socket.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "server_process.h"
#include "temp_dir.h"
#include "test_clients.h"

namespace callsession::server::testing {

using nlohmann::json;

constexpr const char* kAuthKey = "integration-auth-key";

class IntegrationTest : public ::testing::Test {
 protected:
  // `settings` add to the environment every start gets. With `captureLog` the server's log goes
  // to logPath() rather than to the test's output.
  explicit IntegrationTest(std::map<std::string, std::string> settings = {},
                           bool captureLog = false)
      : settings_(std::move(settings)), captureLog_(captureLog) {
    start();
  }

  void start() {
    std::map<std::string, std::string> environment = settings_;
    environment.merge(std::map<std::string, std::string>{
        {"CALLSESSION_DB", (dir.path() / "data" / "callsession.db").string()},
        {"CALLSESSION_AUTH_KEY", kAuthKey},
        {"CALLSESSION_WEB_ROOT", (dir.path() / "web").string()}});
    server.emplace(std::move(environment), captureLog_ ? logPath() : std::filesystem::path());
  }
  [[nodiscard]] std::filesystem::path logPath() const { return dir.path() / "server.log"; }
  void restart() {
    server.reset();
    start();
  }
  [[nodiscard]] unsigned short port() const { return server->port(); }

  std::string login(const std::string& uid) {
    const HttpReply reply = httpRequest(port(), "POST", "/api/users/login",
                                        json{{"uid", uid}}.dump(), {{"X-Auth-Key", kAuthKey}});
    EXPECT_EQ(reply.status, 200U) << reply.text;
    return reply.body.value("authToken", "");
  }
  HttpReply postAs(const std::string& authToken, const std::string& target, const json& body = {}) {
    return httpRequest(port(), "POST", target, body.is_null() ? "" : body.dump(),
                       {{"Authorization", "Bearer " + authToken}});
  }
  std::string createMeeting(const json& body = {{"strategy", "uuid"}}) {
    const HttpReply reply = postAs(login("host"), "/api/meetings", body);
    EXPECT_EQ(reply.status, 201U) << reply.text;
    return reply.body.value("sessionId", "");
  }
  std::string tokenFor(const std::string& uid, const std::string& sessionId) {
    const HttpReply reply = postAs(login(uid), "/api/meetings/" + sessionId + "/token");
    EXPECT_EQ(reply.status, 200U) << reply.text;
    return reply.body.value("token", "");
  }
  // A connected client that has joined `sessionId` as `uid`; its welcome is consumed.
  std::unique_ptr<WsClient> joined(const std::string& uid, const std::string& sessionId,
                                   std::optional<signaling::Joined>* welcome = nullptr) {
    auto client = std::make_unique<WsClient>(port());
    client->send(signaling::Join{tokenFor(uid, sessionId), "Name of " + uid});
    auto message = client->nextOf<signaling::Joined>();
    EXPECT_TRUE(message) << uid << " was not welcomed";
    if (welcome != nullptr) *welcome = message;
    return client;
  }
  // Changes a stored meeting behind the server's back, as another node or an operator could.
  void editMeeting(const std::string& sessionId, const std::string& assignment) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir.path() / "data" / "callsession.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 2000);
    const std::string update =
        "UPDATE meetings SET " + assignment + " WHERE session_id = '" + sessionId + "'";
    EXPECT_EQ(sqlite3_exec(db, update.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  static Error refusalOf(WsClient& client,
                         std::chrono::milliseconds timeout = std::chrono::seconds(3)) {
    auto failure = client.nextOf<signaling::Failure>(timeout);
    EXPECT_TRUE(failure) << "no error message";
    return failure ? failure->error : Error{ErrorCode::kNetwork, "none"};
  }

  std::map<std::string, std::string> settings_;
  bool captureLog_;
  TempDir dir;
  std::optional<ServerProcess> server;
};

}  // namespace callsession::server::testing
