// The real server binary on a loopback port, driven over HTTP and WebSocket like the SDK drives it.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <fstream>
#include <regex>

#include "integration_fixture.h"

namespace callsession::server::testing {
namespace {

using namespace signaling;
using namespace std::chrono_literals;

TEST_F(IntegrationTest, PrintsOneReadyLineNamingTheDemoMeeting) {
  const std::regex ready(R"(^callsession ready: http://127\.0\.0\.1:\d+/meet/demo$)");
  EXPECT_TRUE(std::regex_match(server->readyLine(), ready)) << server->readyLine();
  EXPECT_EQ(httpRequest(port(), "GET", "/api/meetings/demo").status, 200U);
}

TEST_F(IntegrationTest, StopsCleanlyOnSigterm) {
  EXPECT_EQ(server->terminate(), 0);
}

TEST_F(IntegrationTest, StopsCleanlyOnSigtermWithClientsInARoom) {
  const std::string sessionId = createMeeting();
  auto ada = joined("ada", sessionId);
  auto bob = joined("bob", sessionId);
  EXPECT_EQ(server->terminate(), 0);
  EXPECT_TRUE(ada->waitClosed());
}

TEST_F(IntegrationTest, AnswersBadRequestsWithContractErrorJson) {
  const HttpReply tooLarge =
      httpRequest(port(), "POST", "/api/users/login", std::string(size_t{70} * 1024, 'x'),
                  {{"X-Auth-Key", kAuthKey}});
  EXPECT_EQ(tooLarge.status, 413U);
  EXPECT_EQ(tooLarge.body["error"]["code"], "ERROR_PAYLOAD_TOO_LARGE");
  const HttpReply unknown = httpRequest(port(), "GET", "/api/nothing-here");
  EXPECT_EQ(unknown.status, 404U);
  EXPECT_EQ(unknown.body["error"]["code"], "ERROR_NOT_FOUND");
  EXPECT_EQ(httpRequest(port(), "GET", "/%2e%2e/%2e%2e/etc/passwd").status, 404U);
  const HttpReply bigHeaders = httpRequest(port(), "GET", "/api/meetings/demo", "",
                                           {{"X-Padding", std::string(20000, 'x')}});
  EXPECT_EQ(bigHeaders.status, 431U);
  EXPECT_EQ(bigHeaders.body["error"]["code"], "ERROR_HEADERS_TOO_LARGE");
  const HttpReply keylessUpgrade =
      httpRequest(port(), "GET", "/ws", "", {{"Connection", "Upgrade"}, {"Upgrade", "websocket"}});
  EXPECT_EQ(keylessUpgrade.status, 400U);
  EXPECT_EQ(keylessUpgrade.body["error"]["code"], "ERROR_BAD_REQUEST");
}

TEST_F(IntegrationTest, TwoClientsJoinRelayAndLeave) {
  const std::string sessionId = createMeeting();
  std::optional<Joined> adaWelcome;
  auto ada = joined("ada", sessionId, &adaWelcome);
  ASSERT_TRUE(adaWelcome);
  EXPECT_EQ(adaWelcome->sessionId, sessionId);
  EXPECT_EQ(adaWelcome->uid, "ada");
  EXPECT_TRUE(adaWelcome->participants.empty());

  std::optional<Joined> bobWelcome;
  auto bob = joined("bob", sessionId, &bobWelcome);
  ASSERT_TRUE(bobWelcome);
  ASSERT_EQ(bobWelcome->participants.size(), 1U);
  EXPECT_EQ(bobWelcome->participants[0].uid, "ada");
  EXPECT_EQ(bobWelcome->participants[0].name, "Name of ada");
  auto bobArrived = ada->nextOf<ParticipantJoined>();
  ASSERT_TRUE(bobArrived);
  EXPECT_EQ(bobArrived->participant.uid, "bob");

  const HttpReply roster =
      httpRequest(port(), "GET", "/api/meetings/" + sessionId + "/participants");
  EXPECT_EQ(roster.body.size(), 2U) << roster.text;

  ada->send(Signal{"bob", R"({"description":{"sdp":"v=0","type":"offer"}})"});
  auto relayed = bob->nextOf<RelayedSignal>();
  ASSERT_TRUE(relayed);
  EXPECT_EQ(relayed->from, "ada");
  EXPECT_EQ(relayed->dataJson, R"({"description":{"sdp":"v=0","type":"offer"}})");

  bob->send(Leave{});
  auto left = ada->nextOf<ParticipantLeft>();
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, (ParticipantLeft{"bob", LeaveReason::kLeft}));
  EXPECT_EQ(bob->waitClosed(), 1000U);
}

TEST_F(IntegrationTest, AClientThatStopsAnsweringPingsIsAnnouncedVanishedWithin3s) {
  const std::string sessionId = createMeeting();
  auto ada = joined("ada", sessionId);
  auto bob = joined("bob", sessionId);
  ASSERT_TRUE(ada->nextOf<ParticipantJoined>());
  std::this_thread::sleep_for(1500ms);  // a few pings answered first

  const auto frozenAt = std::chrono::steady_clock::now();
  bob->freeze();
  auto left = ada->nextOf<ParticipantLeft>(5s);
  const auto elapsed = std::chrono::steady_clock::now() - frozenAt;
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, (ParticipantLeft{"bob", LeaveReason::kVanished}));
  EXPECT_LE(elapsed, 3s);
}

TEST_F(IntegrationTest, AClientWhoseConnectionDropsIsAnnouncedVanished) {
  const std::string sessionId = createMeeting();
  auto ada = joined("ada", sessionId);
  auto bob = joined("bob", sessionId);
  bob->dropConnection();
  auto left = ada->nextOf<ParticipantLeft>(3s);
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, (ParticipantLeft{"bob", LeaveReason::kVanished}));
}

TEST_F(IntegrationTest, PingIsAnsweredWithTheServerTime) {
  auto client = std::make_unique<WsClient>(port());
  const int64_t before = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  client->send(Ping{});
  auto pong = client->nextOf<Pong>();
  ASSERT_TRUE(pong);
  EXPECT_GE(pong->serverTime, before - 1000);
}

TEST_F(IntegrationTest, AReplayedTokenIsRefused) {
  const std::string sessionId = createMeeting();
  const std::string token = tokenFor("ada", sessionId);
  WsClient first(port());
  first.send(Join{token, ""});
  ASSERT_TRUE(first.nextOf<Joined>());
  first.send(Leave{});

  WsClient replay(port());
  replay.send(Join{token, ""});
  EXPECT_EQ(refusalOf(replay).code, ErrorCode::kTokenAlreadyUsed);
  EXPECT_EQ(replay.waitClosed(), 1008U);
}

TEST_F(IntegrationTest, AReplayIsRefusedAfterARestart) {
  const std::string sessionId = createMeeting();
  const std::string token = tokenFor("ada", sessionId);
  {
    WsClient first(port());
    first.send(Join{token, ""});
    ASSERT_TRUE(first.nextOf<Joined>());
  }
  restart();
  WsClient replay(port());
  replay.send(Join{token, ""});
  EXPECT_EQ(refusalOf(replay).code, ErrorCode::kTokenAlreadyUsed);
}

TEST_F(IntegrationTest, AMeetingWhoseCreationWasAnsweredSurvivesKill9) {
  const std::string sessionId = createMeeting();
  server->killHard();
  start();
  EXPECT_EQ(httpRequest(port(), "GET", "/api/meetings/" + sessionId).status, 200U);
}

TEST_F(IntegrationTest, AForgedTokenIsRefusedAsInvalid) {
  const std::string sessionId = createMeeting();
  std::string token = tokenFor("ada", sessionId);
  char& signatureStart = token[token.rfind('.') + 1];
  signatureStart = signatureStart == 'A' ? 'B' : 'A';
  WsClient client(port());
  client.send(Join{token, ""});
  EXPECT_EQ(refusalOf(client).code, ErrorCode::kTokenInvalid);
}

TEST_F(IntegrationTest, TheAllowListIsCheckedAgainAtJoin) {
  const std::string sessionId = createMeeting();
  const std::string token = tokenFor("eve", sessionId);
  editMeeting(sessionId, R"(allow_list = '["ada"]')");
  WsClient eve(port());
  eve.send(Join{token, ""});
  EXPECT_EQ(refusalOf(eve).code, ErrorCode::kNotAuthorized);
}

TEST_F(IntegrationTest, ATokenForAMeetingThatIsGoneIsRefused) {
  const std::string sessionId = createMeeting();
  const std::string token = tokenFor("ada", sessionId);
  editMeeting(sessionId, "session_id = 'renamed-away'");
  WsClient ada(port());
  ada.send(Join{token, ""});
  EXPECT_EQ(refusalOf(ada).code, ErrorCode::kSessionNotFound);
}

TEST_F(IntegrationTest, ASecondConnectionOfAUidReplacesTheFirst) {
  const std::string sessionId = createMeeting();
  auto ada = joined("ada", sessionId);
  auto bob = joined("bob", sessionId);
  ASSERT_TRUE(ada->nextOf<ParticipantJoined>());
  auto bobAgain = joined("bob", sessionId);

  const Error replaced = refusalOf(*bob);
  EXPECT_EQ(replaced.code, ErrorCode::kSignalingFailed);
  EXPECT_EQ(replaced.message, "replaced");
  EXPECT_TRUE(bob->waitClosed());
  auto left = ada->next();
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, ServerMessage{(ParticipantLeft{"bob", LeaveReason::kReplaced})});
  auto back = ada->next();
  ASSERT_TRUE(back && std::holds_alternative<ParticipantJoined>(*back));
}

TEST_F(IntegrationTest, AMisbehavingClientIsClosedAndOthersAreUnaffected) {
  const std::string sessionId = createMeeting();
  auto ada = joined("ada", sessionId);
  WsClient rogue(port());
  rogue.sendText("{\"type\":\"dance\"}");
  EXPECT_EQ(refusalOf(rogue).code, ErrorCode::kSignalingFailed);
  EXPECT_EQ(rogue.waitClosed(), 1008U);

  WsClient early(port());
  early.send(Signal{"ada", "{}"});
  EXPECT_EQ(refusalOf(early).code, ErrorCode::kSignalingFailed);

  ada->send(Ping{});
  EXPECT_TRUE(ada->nextOf<Pong>());
}

TEST_F(IntegrationTest, AnOversizedFrameIsClosedAsTooBig) {
  auto ada = std::make_unique<WsClient>(port());
  ada->sendText("{\"type\":\"ping\",\"pad\":\"" + std::string(size_t{70} * 1024, 'x') + "\"}");
  EXPECT_EQ(refusalOf(*ada).code, ErrorCode::kSignalingFailed);
  EXPECT_EQ(ada->waitClosed(), 1009U);
}

TEST_F(IntegrationTest, AClientThatSendsButNeverReadsIsDroppedOnceItsQueueIsFull) {
  const std::string sessionId = createMeeting();
  // Ada joins and keeps sending pings, so she never falls silent, but reads nothing.
  boost::asio::io_context io;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ada(io);
  boost::beast::get_lowest_layer(ada).connect({boost::asio::ip::make_address("127.0.0.1"), port()});
  ada.handshake("127.0.0.1", "/ws");
  ada.write(boost::asio::buffer(serialize(ClientMessage{Join{tokenFor("ada", sessionId), ""}})));
  std::optional<Joined> welcome;
  auto bob = joined("bob", sessionId, &welcome);
  ASSERT_TRUE(welcome && welcome->participants.size() == 1) << "ada is in the room first";

  // Far more than the socket buffers hold, so what the server cannot send piles up for ada.
  const std::string blob = R"({"candidate":")" + std::string(size_t{60} * 1024, 'x') + R"("})";
  std::optional<ParticipantLeft> left;
  for (int sent = 0; sent < 1000 && !left; ++sent) {
    bob->send(Signal{"ada", blob});
    boost::beast::error_code ignored;
    ada.write(boost::asio::buffer(serialize(ClientMessage{Ping{}})), ignored);
    left = bob->nextOf<ParticipantLeft>(5ms);
  }
  ASSERT_TRUE(left) << "a client that never reads was never dropped";
  EXPECT_EQ(*left, (ParticipantLeft{"ada", LeaveReason::kVanished}));
  // The server goes on serving everyone else.
  bob->send(Ping{});
  EXPECT_TRUE(bob->nextOf<Pong>());
}

TEST_F(IntegrationTest, AMeetingThatExpiresEndsTheCallForEveryone) {
  const std::string sessionId = createMeeting();
  // Meetings last at least a minute through the API; this one is moved to end in two seconds.
  editMeeting(sessionId, "expires_at = unixepoch() + 2");
  auto ada = joined("ada", sessionId);
  auto bob = joined("bob", sessionId);

  EXPECT_TRUE(ada->nextOf<SessionEnded>(4s));
  EXPECT_TRUE(bob->nextOf<SessionEnded>(4s));
  EXPECT_EQ(ada->waitClosed(), 1000U);
  EXPECT_EQ(bob->waitClosed(), 1000U);
  EXPECT_TRUE(
      httpRequest(port(), "GET", "/api/meetings/" + sessionId + "/participants").body.empty());
}

class ShortTokenTest : public IntegrationTest {
 protected:
  ShortTokenTest() : IntegrationTest({{"CALLSESSION_TOKEN_TTL", "1"}}) {}
};

TEST_F(ShortTokenTest, ACallOutlivesTheTokenThatJoinedIt) {
  const std::string sessionId = createMeeting();
  auto ada = joined("ada", sessionId);
  auto bob = joined("bob", sessionId);
  std::this_thread::sleep_for(2500ms);  // both tokens have expired

  ada->send(Signal{"bob", R"({"candidate":{"candidate":"c"}})"});
  auto relayed = bob->nextOf<RelayedSignal>();
  ASSERT_TRUE(relayed) << "the token gates the join, not the call";
  EXPECT_EQ(relayed->from, "ada");
  EXPECT_EQ(httpRequest(port(), "GET", "/api/meetings/" + sessionId + "/participants").body.size(),
            2U);
}

constexpr const char* kTurnSecret = "integration-turn-secret";

class TurnIntegrationTest : public IntegrationTest {
 protected:
  TurnIntegrationTest()
      : IntegrationTest({{"CALLSESSION_ICE_SERVERS", R"([{"urls":"stun:stun.example.org"}])"},
                         {"CALLSESSION_TURN_URLS", "turn:127.0.0.1:3478, turns:relay.example.org"},
                         {"CALLSESSION_TURN_SECRET", kTurnSecret}},
                        /*captureLog=*/true) {}

  static std::string log(const std::filesystem::path& path) {
    std::ifstream file(path);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  }
};

// base64(HMAC-SHA1(key, message)) straight from OpenSSL, apart from the server's code.
std::string turnPassword(const std::string& key, const std::string& message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  unsigned char text[64] = {};
  EVP_EncodeBlock(text, digest, static_cast<int>(length));
  return reinterpret_cast<const char*>(text);
}

TEST_F(TurnIntegrationTest, TheJoinAnswerCarriesTurnCredentialsForTheUidThatVerify) {
  const std::string sessionId = createMeeting({{"strategy", "uuid"}, {"ttlSeconds", 3600}});
  const auto meetingExpiresAt =
      httpRequest(port(), "GET", "/api/meetings/" + sessionId).body["expiresAt"].get<int64_t>();
  std::optional<Joined> welcome;
  auto ada = joined("ada", sessionId, &welcome);
  ASSERT_TRUE(welcome);

  const json servers = json::parse(welcome->iceServersJson);
  ASSERT_EQ(servers.size(), 2U) << servers;
  EXPECT_EQ(servers[0], json::parse(R"({"urls":"stun:stun.example.org"})"));
  const json& turn = servers[1];
  EXPECT_EQ(turn["urls"], json::parse(R"(["turn:127.0.0.1:3478","turns:relay.example.org"])"));
  const std::string username = turn["username"];
  // The meeting ends within the hour, well before the cap: the credential ends with it.
  EXPECT_EQ(username, std::to_string(meetingExpiresAt) + ":ada");
  EXPECT_EQ(turn["credential"], turnPassword(kTurnSecret, username));

  server->terminate();
  const std::string written = log(logPath());
  EXPECT_NE(written.find("joined " + sessionId + " as ada"), std::string::npos) << written;
  EXPECT_EQ(written.find(turn["credential"].get<std::string>()), std::string::npos) << written;
  EXPECT_EQ(written.find(kTurnSecret), std::string::npos) << written;
}

TEST_F(TurnIntegrationTest, EachJoinGetsCredentialsOfItsOwnUid) {
  const std::string sessionId = createMeeting();
  std::optional<Joined> adaWelcome;
  std::optional<Joined> bobWelcome;
  auto ada = joined("ada", sessionId, &adaWelcome);
  auto bob = joined("bob", sessionId, &bobWelcome);
  ASSERT_TRUE(adaWelcome && bobWelcome);
  const std::string bobName = json::parse(bobWelcome->iceServersJson)[1]["username"];
  EXPECT_TRUE(bobName.ends_with(":bob")) << bobName;
  EXPECT_NE(json::parse(adaWelcome->iceServersJson)[1]["credential"],
            json::parse(bobWelcome->iceServersJson)[1]["credential"]);
}

TEST(ServerStart, MalformedNetworkSettingsStopItNamingTheVariable) {
  TempDir dir;
  const std::map<std::string, std::string> base{
      {"CALLSESSION_DB", (dir.path() / "callsession.db").string()}};
  const std::map<std::string, std::map<std::string, std::string>> cases{
      {"CALLSESSION_ICE_SERVERS", {{"CALLSESSION_ICE_SERVERS", R"([{"urls":"http://x"}])"}}},
      {"CALLSESSION_TURN_URLS",
       {{"CALLSESSION_TURN_URLS", "stun:x"}, {"CALLSESSION_TURN_SECRET", "s3cret-value"}}},
      {"CALLSESSION_TURN_SECRET", {{"CALLSESSION_TURN_URLS", "turn:127.0.0.1"}}},
      {"CALLSESSION_TLS_KEY", {{"CALLSESSION_TLS_CERT", (dir.path() / "cert.pem").string()}}},
      {"CALLSESSION_TLS_CERT",
       {{"CALLSESSION_TLS_CERT", (dir.path() / "missing-cert.pem").string()},
        {"CALLSESSION_TLS_KEY", (dir.path() / "missing-key.pem").string()}}},
      {"CALLSESSION_REDIS_URL", {{"CALLSESSION_REDIS_URL", "redis://:s3cret-value@host:99999"}}},
  };
  for (const auto& [variable, settings] : cases) {
    std::map<std::string, std::string> environment = settings;
    environment.insert(base.begin(), base.end());
    const FailedStart start = runUntilExit(environment);
    EXPECT_EQ(start.exitStatus, 1) << variable;
    EXPECT_NE(start.log.find("cannot start: "), std::string::npos) << start.log;
    EXPECT_NE(start.log.find(variable), std::string::npos) << variable << ": " << start.log;
    EXPECT_EQ(start.log.find("s3cret-value"), std::string::npos) << start.log;
  }
}

}  // namespace
}  // namespace callsession::server::testing
