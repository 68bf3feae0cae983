// Two real server nodes sharing rooms through Redis (CALLSESSION_REDIS_URL) and meetings through
// PostgreSQL: participants connected to different nodes are in one room, and a node that dies
// has its participants announced gone to the others.
#include <gtest/gtest.h>

#include <chrono>

#include "postgres_database.h"
#include "redis_test_server.h"
#include "server_process.h"
#include "test_clients.h"

namespace callsession::server::testing {
namespace {

using namespace signaling;
using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kAuthKey = "nodes-auth-key";

class RedisNodesTest : public ::testing::Test {
 protected:
  ServerProcess startNode() {
    return ServerProcess({{"CALLSESSION_DATABASE_URL", database.connection()},
                          {"CALLSESSION_REDIS_URL", testRedisUrl()},
                          {"CALLSESSION_AUTH_KEY", kAuthKey},
                          {"CALLSESSION_WEB_ROOT", "/nonexistent"}});
  }

  std::string authTokenOf(unsigned short port, const std::string& uid) {
    const HttpReply login = httpRequest(port, "POST", "/api/users/login", json{{"uid", uid}}.dump(),
                                        {{"X-Auth-Key", kAuthKey}});
    EXPECT_EQ(login.status, 200U) << login.text;
    return login.body.value("authToken", "");
  }

  HttpReply postAs(unsigned short port, const std::string& uid, const std::string& target,
                   const json& body = {}) {
    return httpRequest(port, "POST", target, body.is_null() ? "" : body.dump(),
                       {{"Authorization", "Bearer " + authTokenOf(port, uid)}});
  }

  // `uid` joins the meeting at `node`, its token minted there.
  std::unique_ptr<WsClient> joinAt(const ServerProcess& node, const std::string& uid) {
    const HttpReply minted = postAs(node.port(), uid, "/api/meetings/" + sessionId + "/token");
    EXPECT_EQ(minted.status, 200U) << minted.text;
    auto client = std::make_unique<WsClient>(node.port());
    client->send(Join{minted.body.value("token", ""), "Name of " + uid});
    return client;
  }

  PostgresDatabase database;
  ServerProcess nodeA = startNode();
  ServerProcess nodeB = startNode();
  const std::string sessionId =
      postAs(nodeA.port(), "host", "/api/meetings", {{"strategy", "uuid"}})
          .body.value("sessionId", "");
};

TEST_F(RedisNodesTest, ParticipantsAtTwoNodesShareOneRoom) {
  auto ada = joinAt(nodeA, "ada");
  ASSERT_TRUE(ada->nextOf<Joined>());
  auto bob = joinAt(nodeB, "bob");
  const auto bobWelcome = bob->nextOf<Joined>();
  ASSERT_TRUE(bobWelcome);
  ASSERT_EQ(bobWelcome->participants.size(), 1U);
  EXPECT_EQ(bobWelcome->participants[0].uid, "ada");
  const auto arrived = ada->nextOf<ParticipantJoined>();
  ASSERT_TRUE(arrived);
  EXPECT_EQ(arrived->participant.uid, "bob");

  ada->send(Signal{"bob", R"({"sdp":"offer"})"});
  const auto offer = bob->nextOf<RelayedSignal>();
  ASSERT_TRUE(offer);
  EXPECT_EQ(*offer, (RelayedSignal{"ada", R"({"sdp":"offer"})"}));
  bob->send(Signal{"ada", R"({"sdp":"answer"})"});
  ASSERT_TRUE(ada->nextOf<RelayedSignal>());

  for (const ServerProcess* node : {&nodeA, &nodeB}) {
    const HttpReply listed =
        httpRequest(node->port(), "GET", "/api/meetings/" + sessionId + "/participants");
    ASSERT_EQ(listed.status, 200U);
    ASSERT_EQ(listed.body.size(), 2U) << listed.text;
    EXPECT_EQ(listed.body[0].value("uid", ""), "ada");
    EXPECT_EQ(listed.body[1].value("uid", ""), "bob");
  }

  bob->send(Leave{});
  const auto left = ada->nextOf<ParticipantLeft>();
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, (ParticipantLeft{"bob", LeaveReason::kLeft}));
}

TEST_F(RedisNodesTest, AKilledNodesParticipantsAreAnnouncedGoneWithinFiveSeconds) {
  auto ada = joinAt(nodeA, "ada");
  ASSERT_TRUE(ada->nextOf<Joined>());
  auto bob = joinAt(nodeB, "bob");
  ASSERT_TRUE(bob->nextOf<Joined>());

  const auto killedAt = std::chrono::steady_clock::now();
  nodeA.killHard();
  const auto left = bob->nextOf<ParticipantLeft>(6s);
  const auto took = std::chrono::steady_clock::now() - killedAt;
  ASSERT_TRUE(left) << "node A's participant was never announced gone";
  EXPECT_EQ(*left, (ParticipantLeft{"ada", LeaveReason::kVanished}));
  EXPECT_LE(took, 5s) << "announced after "
                      << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                      << " ms";
  const HttpReply listed =
      httpRequest(nodeB.port(), "GET", "/api/meetings/" + sessionId + "/participants");
  EXPECT_EQ(listed.body.size(), 1U) << listed.text;
}

TEST(RedisNodeStartTest, AnUnreachableRedisStopsTheStartNamingTheVariable) {
  const FailedStart start = runUntilExit(
      {{"CALLSESSION_REDIS_URL", "redis://127.0.0.1:1"}, {"CALLSESSION_WEB_ROOT", "/nonexistent"}});
  EXPECT_EQ(start.exitStatus, 1);
  EXPECT_NE(start.log.find("cannot start: CALLSESSION_REDIS_URL"), std::string::npos) << start.log;
}

}  // namespace
}  // namespace callsession::server::testing
