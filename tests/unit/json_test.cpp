// The core's JSON (src/core/json): strict parsing, values as the core reads them, and the writer.
// The last test checks the parser against nlohmann::json (which the core used before, and the
// server still uses) on thousands of mutated documents: both must accept and refuse the same text.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "core/json/value.h"
#include "core/json/writer.h"

namespace callsession::json {
namespace {

std::string roundTrip(std::string_view text) {
  auto value = parse(text);
  return value ? toText(*value) : "<refused>";
}

TEST(Json, ReadsEveryKindOfValue) {
  auto value = parse(R"( {"s":"x","n":-12,"f":1.5e3,"t":true,"z":null,"a":[1,{}],"o":{"k":[]}} )");
  ASSERT_TRUE(value);
  ASSERT_TRUE(value->isObject());
  EXPECT_EQ(value->keys(), (std::vector<std::string>{"s", "n", "f", "t", "z", "a", "o"}));
  EXPECT_EQ(value->stringOr("s"), "x");
  EXPECT_EQ(value->find("n")->toInt64(), -12);
  EXPECT_FALSE(value->find("f")->isInteger());
  EXPECT_EQ(value->find("f")->text(), "1.5e3");
  EXPECT_TRUE(value->find("t")->isBool());
  EXPECT_TRUE(value->find("t")->asBool());
  EXPECT_TRUE(value->find("z")->isNull());
  EXPECT_EQ(value->find("a")->items().size(), 2U);
  EXPECT_TRUE(value->find("o")->find("k")->isArray());
  EXPECT_EQ(value->find("missing"), nullptr);
}

TEST(Json, ReadsIntegersOnlyWithinInt64) {
  EXPECT_EQ(parse("9223372036854775807")->toInt64(), INT64_MAX);
  EXPECT_EQ(parse("-9223372036854775808")->toInt64(), INT64_MIN);
  EXPECT_EQ(parse("9223372036854775808")->toInt64(), std::nullopt);
  EXPECT_TRUE(parse("9223372036854775808")->isInteger());
  EXPECT_EQ(parse("1e2")->toInt64(), std::nullopt);
  EXPECT_EQ(parse("2.0")->toInt64(), std::nullopt);
  EXPECT_EQ(parse("-0")->toInt64(), 0);
  EXPECT_EQ(parse("\"7\"")->toInt64(), std::nullopt);
}

TEST(Json, DecodesEscapesAndSurrogatePairs) {
  auto value = parse(R"("a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\u0000")");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->text(), std::string("a\"\\/\b\f\n\r\t\xC3\xA9\xF0\x9F\x98\x80\0", 16));
}

TEST(Json, RefusesWhatRfc8259Refuses) {
  const std::vector<std::string> refused = {"",
                                            " ",
                                            "{",
                                            "}",
                                            "[1,]",
                                            R"({"a":1,})",
                                            "{'a':1}",
                                            R"({"a" 1})",
                                            R"({a:1})",
                                            "01",
                                            "-",
                                            "1.",
                                            ".5",
                                            "+1",
                                            "1e",
                                            "1e+",
                                            "0x10",
                                            "NaN",
                                            "Infinity",
                                            "tru",
                                            "nul",
                                            "[1] [2]",
                                            "{} x",
                                            std::string("{}\0", 3),
                                            "\"\t\"",
                                            "\"abc",
                                            R"("\x")",
                                            R"("\u12")",
                                            R"("\ud800")",
                                            R"("\udc00")",
                                            R"("\ud800\u0041")",
                                            "\"\xC0\x80\"",
                                            "\"\x80\"",
                                            "\"\xE2\x82\"",
                                            "\"\xED\xA0\x80\"",
                                            "\"\xF4\x90\x80\x80\"",
                                            "\"\xFF\""};
  for (const std::string& text : refused) {
    EXPECT_FALSE(parse(text)) << text;
  }
}

TEST(Json, BoundsNesting) {
  const auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  EXPECT_TRUE(parse(nested(kMaxDepth + 1)));
  EXPECT_FALSE(parse(nested(kMaxDepth + 2)));
  EXPECT_FALSE(parse(std::string(100000, '[')));  // refused, not a stack overflow
}

TEST(Json, TheLastOfARepeatedKeyWins) {
  EXPECT_EQ(parse(R"({"a":1,"a":2})")->find("a")->toInt64(), 2);
}

TEST(Json, WritesCompactTextKeepingOrderAndNumbers) {
  EXPECT_EQ(roundTrip(R"( { "b" : [ 1.50 , -0 , 2E+3 ] , "a" : { } , "c":[] } )"),
            R"({"b":[1.50,-0,2E+3],"a":{},"c":[]})");
  EXPECT_EQ(roundTrip(R"("\u00e9\n\u0001\"\\\/")"), "\"\xC3\xA9\\n\\u0001\\\"\\\\/\"");
}

TEST(Json, WriterPlacesCommasAndEscapes) {
  Writer w;
  w.beginObject().key("list").beginArray().integer(1).string("two").boolean(false).null();
  w.beginObject().endObject().beginArray().endArray().endArray();
  w.key("raw").raw(R"({"x":1})").key("quote\"").string("tab\t").endObject();
  EXPECT_EQ(std::move(w).take(),
            R"({"list":[1,"two",false,null,{},[]],"raw":{"x":1},"quote\"":"tab\t"})");
}

TEST(Json, WriterReplacesInvalidUtf8RatherThanFailing) {
  Writer w;
  w.string(
      "ok\xFF"
      "end\xE2\x82");
  EXPECT_EQ(std::move(w).take(),
            "\"ok\xEF\xBF\xBD"
            "end\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

// Mutations of realistic documents: bytes replaced, inserted and removed, drawn mostly from JSON's
// own syntax so that many mutants stay close to valid.
std::string mutate(std::string text, std::mt19937& random) {
  static const std::string kAlphabet =
      "{}[]:,\"\\ -+.0123456789eEtrufalsn\t\n\xC3\xA9\xED\xF0\x80\xBF";
  const int edits = 1 + static_cast<int>(random() % 3);
  for (int i = 0; i < edits; ++i) {
    const char c = kAlphabet[random() % kAlphabet.size()];
    const size_t pos = text.empty() ? 0 : random() % text.size();
    switch (random() % 4) {
      case 0:
        if (!text.empty()) text[pos] = c;
        break;
      case 1:
        text.insert(pos, 1, c);
        break;
      case 2:
        if (!text.empty()) text.erase(pos, 1);
        break;
      default:
        text.resize(pos);
    }
  }
  return text;
}

TEST(Json, AcceptsAndRefusesExactlyWhatNlohmannDoes) {
  const std::vector<std::string> seeds = {
      R"({"type":"signal","to":"bob","data":{"description":{"type":"offer","sdp":"v=0\r\n"}}})",
      R"({"type":"join","token":"a.b.c","name":"Ad\u00e9 \ud83d\ude00"})",
      R"([{"urls":["turn:h:3478"],"username":"1:u","credential":"x=="},-0.5e-3,1E9,true,null])",
      R"({"candidate":{"candidate":"candidate:1 1 udp 2 10.0.0.1 5 typ host","sdpMLineIndex":0}})",
      "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"",
  };
  std::mt19937 random(20261202);
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string text = mutate(seeds[static_cast<size_t>(i) % seeds.size()], random);
    const auto ours = parse(text);
    const auto theirs = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    ASSERT_EQ(ours.has_value(), !theirs.is_discarded()) << text;
    if (!ours) continue;
    ++accepted;
    // Same value: what we write back reads, in nlohmann, as what nlohmann read.
    ASSERT_EQ(nlohmann::json::parse(toText(*ours), nullptr, false), theirs) << text;
  }
  EXPECT_GT(accepted, 1000);  // the mutants exercised the accepting path too
}

}  // namespace
}  // namespace callsession::json
