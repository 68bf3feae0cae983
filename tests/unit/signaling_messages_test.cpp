#include <gtest/gtest.h>

#include <string>

#include "core/signaling/messages.h"
#include "core/signaling/uid.h"

namespace callsession::signaling {
namespace {

template <class Message>
Message parsedClient(const std::string& text) {
  auto parsed = parseClientMessage(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().message);
  if (!parsed.ok() || !std::holds_alternative<Message>(parsed.value())) return Message{};
  return std::get<Message>(parsed.value());
}

Error clientFault(const std::string& text) {
  auto parsed = parseClientMessage(text);
  EXPECT_FALSE(parsed.ok()) << text;
  return parsed.ok() ? Error{ErrorCode::kNetwork, "parsed"} : parsed.error();
}

TEST(SignalingClientMessages, ReadsAJoinWithItsOptionalName) {
  EXPECT_EQ(parsedClient<Join>(R"({"type":"join","token":"a.b.c","name":"Ada"})"),
            (Join{"a.b.c", "Ada"}));
  EXPECT_EQ(parsedClient<Join>(R"({"type":"join","token":"a.b.c"})"), (Join{"a.b.c", ""}));
}

TEST(SignalingClientMessages, KeepsSignalDataAsCompactJsonInItsOwnOrder) {
  auto signal = parsedClient<Signal>(
      R"({"type":"signal","to":"bob","data":{ "description": {"type":"offer", "sdp":"v=0"} }})");
  EXPECT_EQ(signal.to, "bob");
  EXPECT_EQ(signal.dataJson, R"({"description":{"type":"offer","sdp":"v=0"}})");
}

TEST(SignalingClientMessages, ReadsStateLeaveAndPing) {
  EXPECT_EQ(parsedClient<State>(R"({"type":"state","audioMuted":true,"videoPaused":false})"),
            (State{true, false}));
  EXPECT_EQ(parsedClient<Leave>(R"({"type":"leave"})"), Leave{});
  EXPECT_EQ(parsedClient<Ping>(R"({"type":"ping"})"), Ping{});
}

TEST(SignalingClientMessages, EveryFaultIsASignalingFailure) {
  for (const char* text : {"", "{", "[]", "42", R"({"token":"x"})", R"({"type":7})",
                           R"({"type":"dance"})", R"({"type":"join"})"}) {
    EXPECT_EQ(clientFault(text).code, ErrorCode::kSignalingFailed) << text;
  }
}

TEST(SignalingClientMessages, AnUnknownFieldIsRefusedByName) {
  auto error = clientFault(R"({"type":"ping","extra":1})");
  EXPECT_NE(error.message.find("extra"), std::string::npos) << error.message;
}

TEST(SignalingClientMessages, AWrongTypeIsRefusedByName) {
  for (const auto& [text, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"type":"join","token":5})", "token"},
           {R"({"type":"join","token":"t","name":null})", "name"},
           {R"({"type":"signal","to":"bob","data":"sdp"})", "data"},
           {R"({"type":"signal","to":["bob"],"data":{}})", "to"},
           {R"({"type":"state","audioMuted":1,"videoPaused":false})", "audioMuted"},
           {R"({"type":"state","audioMuted":true})", "videoPaused"}}) {
    auto error = clientFault(text);
    EXPECT_NE(error.message.find(field), std::string::npos) << text << ": " << error.message;
  }
}

TEST(SignalingClientMessages, RefusesAnEmptyTokenAndALongName) {
  clientFault(R"({"type":"join","token":""})");
  const std::string longName(65, 'x');
  clientFault(R"({"type":"join","token":"t","name":")" + longName + "\"}");
}

TEST(SignalingClientMessages, CountsTheNameInCharactersNotBytes) {
  std::string name;
  for (int i = 0; i < 64; ++i) name += "é";  // 2 bytes each
  EXPECT_EQ(parsedClient<Join>(R"({"type":"join","token":"t","name":")" + name + "\"}").name, name);
}

TEST(SignalingClientMessages, RefusesASignalToAnImpossibleUid) {
  clientFault(R"({"type":"signal","to":"","data":{}})");
  clientFault(R"({"type":"signal","to":"a b","data":{}})");
}

TEST(SignalingClientMessages, RefusesAFrameOver64KiB) {
  const std::string padding(kMaxMessageBytes, 'x');
  auto error = clientFault(R"({"type":"signal","to":"bob","data":{"p":")" + padding + "\"}}");
  EXPECT_NE(error.message.find("64 KiB"), std::string::npos);
}

TEST(SignalingClientMessages, EveryMessageRoundTrips) {
  for (const ClientMessage& message :
       {ClientMessage{Join{"a.b.c", "Ada"}}, ClientMessage{Join{"a.b.c", ""}},
        ClientMessage{Signal{"bob", R"({"candidate":{"candidate":"x"}})"}},
        ClientMessage{State{false, true}}, ClientMessage{Leave{}}, ClientMessage{Ping{}}}) {
    auto parsed = parseClientMessage(serialize(message));
    ASSERT_TRUE(parsed.ok()) << serialize(message);
    EXPECT_EQ(parsed.value(), message) << serialize(message);
  }
}

TEST(SignalingServerMessages, EveryMessageRoundTrips) {
  const Participant ada{"ada", "Ada", 1700000000123, true, false};
  for (const ServerMessage& message :
       {ServerMessage{Joined{"team-42", "bob", {ada}, R"([{"urls":"stun:x"}])", 5, 6}},
        ServerMessage{ParticipantJoined{ada}},
        ServerMessage{ParticipantLeft{"ada", LeaveReason::kVanished}},
        ServerMessage{ParticipantLeft{"ada", LeaveReason::kReplaced}},
        ServerMessage{ParticipantState{"ada", false, true}},
        ServerMessage{RelayedSignal{"ada", R"({"description":{"sdp":"v=0","type":"answer"}})"}},
        ServerMessage{Pong{42}},
        ServerMessage{Failure{makeError(ErrorCode::kTokenAlreadyUsed, "used")}},
        ServerMessage{SessionEnded{}}}) {
    auto parsed = parseServerMessage(serialize(message));
    ASSERT_TRUE(parsed.ok()) << serialize(message) << ": " << parsed.error().message;
    EXPECT_EQ(parsed.value(), message) << serialize(message);
  }
}

TEST(SignalingServerMessages, SerialisesTheDocumentedWireFormat) {
  EXPECT_EQ(serialize(ServerMessage{ParticipantLeft{"ada", LeaveReason::kVanished}}),
            R"({"type":"participant-left","uid":"ada","reason":"vanished"})");
  EXPECT_EQ(serialize(ServerMessage{Failure{makeError(ErrorCode::kTokenExpired, "late")}}),
            R"({"type":"error","code":"ERROR_TOKEN_EXPIRED","message":"late"})");
  EXPECT_EQ(serialize(ServerMessage{SessionEnded{}}),
            R"({"type":"session-ended","reason":"expired"})");
}

TEST(SignalingServerMessages, IgnoresFieldsItDoesNotKnow) {
  auto parsed = parseServerMessage(R"({"type":"pong","serverTime":7,"region":"eu"})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value(), ServerMessage{Pong{7}});
}

TEST(SignalingServerMessages, RefusesAParticipantWithAMissingField) {
  auto parsed = parseServerMessage(
      R"({"type":"participant-joined","participant":{"uid":"ada","name":"Ada","joinedAt":1}})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kSignalingFailed);
}

TEST(SignalingServerMessages, AnUnknownErrorCodeIsStillASignalingFailure) {
  auto parsed =
      parseServerMessage(R"({"type":"error","code":"ERROR_FROM_THE_FUTURE","message":"m"})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(std::get<Failure>(parsed.value()).error.code, ErrorCode::kSignalingFailed);
}

TEST(SignalingServerMessages, SerialisingNeverFailsOnInvalidUtf8) {
  const std::string text =
      serialize(ServerMessage{Failure{makeError(ErrorCode::kNetwork, "\xff")}});
  EXPECT_TRUE(parseServerMessage(text).ok()) << text;
}

TEST(SignalingUid, AcceptsTheDocumentedAlphabetUpTo64Characters) {
  EXPECT_TRUE(isValidUid("ada.lovelace@example-1_x"));
  EXPECT_TRUE(isValidUid(std::string(64, 'a')));
  EXPECT_FALSE(isValidUid(""));
  EXPECT_FALSE(isValidUid(std::string(65, 'a')));
  for (const char* bad : {"a b", "a/b", "a\"b", "é", "a:b"}) EXPECT_FALSE(isValidUid(bad)) << bad;
}

}  // namespace
}  // namespace callsession::signaling
