// Two real server nodes sharing one PostgreSQL database (CALLSESSION_DATABASE_URL): what one node
// stores, the other sees, and a join token is good for one join across all nodes.
#include <gtest/gtest.h>

#include "postgres_database.h"
#include "server_process.h"
#include "test_clients.h"

namespace callsession::server::testing {
namespace {

using namespace signaling;
using nlohmann::json;

constexpr const char* kAuthKey = "nodes-auth-key";

class PostgresNodesTest : public ::testing::Test {
 protected:
  ServerProcess startNode() {
    return ServerProcess({{"CALLSESSION_DATABASE_URL", database.connection()},
                          {"CALLSESSION_AUTH_KEY", kAuthKey},
                          {"CALLSESSION_WEB_ROOT", "/nonexistent"}});
  }

  static HttpReply postAs(unsigned short port, const std::string& uid, const std::string& target,
                          const json& body = {}) {
    const HttpReply login = httpRequest(port, "POST", "/api/users/login", json{{"uid", uid}}.dump(),
                                        {{"X-Auth-Key", kAuthKey}});
    EXPECT_EQ(login.status, 200U) << login.text;
    return httpRequest(port, "POST", target, body.is_null() ? "" : body.dump(),
                       {{"Authorization", "Bearer " + login.body.value("authToken", "")}});
  }

  PostgresDatabase database;
  // Started in order: the first node makes and stores the signing key, the second loads it.
  ServerProcess nodeA = startNode();
  ServerProcess nodeB = startNode();
};

TEST_F(PostgresNodesTest, AMeetingCreatedAtOneNodeIsServedByTheOther) {
  const HttpReply created = postAs(nodeA.port(), "host", "/api/meetings", {{"strategy", "uuid"}});
  ASSERT_EQ(created.status, 201U) << created.text;
  const std::string sessionId = created.body.value("sessionId", "");
  const HttpReply read = httpRequest(nodeB.port(), "GET", "/api/meetings/" + sessionId);
  EXPECT_EQ(read.status, 200U) << read.text;
  EXPECT_EQ(read.body.value("sessionId", ""), sessionId);
}

TEST_F(PostgresNodesTest, ATokenUsedAtOneNodeIsRefusedAtTheOther) {
  const HttpReply created = postAs(nodeA.port(), "host", "/api/meetings", {{"strategy", "uuid"}});
  const std::string sessionId = created.body.value("sessionId", "");
  const HttpReply minted = postAs(nodeA.port(), "ada", "/api/meetings/" + sessionId + "/token");
  ASSERT_EQ(minted.status, 200U) << minted.text;
  const std::string token = minted.body.value("token", "");

  WsClient first(nodeB.port());
  first.send(Join{token, "Ada"});
  EXPECT_TRUE(first.nextOf<Joined>()) << "a token minted at node A is good at node B";

  WsClient replay(nodeA.port());
  replay.send(Join{token, "Ada"});
  const auto failure = replay.nextOf<Failure>();
  ASSERT_TRUE(failure) << "the replay at node A was not refused";
  EXPECT_EQ(failure->error.code, ErrorCode::kTokenAlreadyUsed);
}

}  // namespace
}  // namespace callsession::server::testing
