#include "core/session_id.h"

#include <gtest/gtest.h>

#include <string>

namespace callsession {
namespace {

TEST(SessionId, AcceptsWhatTheServerMints) {
  EXPECT_TRUE(isValidSessionId("3f2b8c1e-9d4a-4e6b-8f0a-1c2d3e4f5a6b"));  // uuid
  EXPECT_TRUE(isValidSessionId("team-42"));                               // resource
  EXPECT_TRUE(isValidSessionId("office-hours-20261123"));                 // time bucket
  EXPECT_TRUE(isValidSessionId("demo"));
  EXPECT_TRUE(isValidSessionId("a_b"));
}

TEST(SessionId, RefusesWrongLengths) {
  EXPECT_FALSE(isValidSessionId(""));
  EXPECT_FALSE(isValidSessionId("ab"));
  EXPECT_TRUE(isValidSessionId(std::string(kMaxSessionIdLength, 'a')));
  EXPECT_FALSE(isValidSessionId(std::string(kMaxSessionIdLength + 1, 'a')));
}

TEST(SessionId, RefusesCharactersThatDoNotBelongInAPathSegment) {
  for (const char* id : {"a/b/c", "../etc", "a b c", "abc?x", "abc#", "ab%20", "é-abc", "ab.c"}) {
    EXPECT_FALSE(isValidSessionId(id)) << id;
  }
}

TEST(SessionId, MustStartAndEndWithALetterOrDigit) {
  EXPECT_FALSE(isValidSessionId("-abc"));
  EXPECT_FALSE(isValidSessionId("abc_"));
}

}  // namespace
}  // namespace callsession
