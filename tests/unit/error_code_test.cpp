#include "core/error_code.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace callsession {
namespace {

TEST(ErrorCode, EveryCodeHasAContractNameThatMapsBack) {
  std::set<std::string> names;
  for (int i = 0; i < kErrorCodeCount; ++i) {
    const auto code = static_cast<ErrorCode>(i);
    const std::string name(toString(code));
    EXPECT_EQ(name.rfind("ERROR_", 0), 0U) << name;
    EXPECT_EQ(errorCodeFromString(name), code) << name;
    names.insert(name);
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(kErrorCodeCount)) << "names must be distinct";
}

TEST(ErrorCode, NamesAreThoseOfTheContract) {
  EXPECT_EQ(toString(ErrorCode::kNotInitialized), "ERROR_NOT_INITIALIZED");
  EXPECT_EQ(toString(ErrorCode::kAuthTokenMissing), "ERROR_AUTH_TOKEN_MISSING");
  EXPECT_EQ(toString(ErrorCode::kTokenSessionMismatch), "ERROR_TOKEN_SESSION_MISMATCH");
  EXPECT_EQ(toString(ErrorCode::kContainerZeroSize), "ERROR_CONTAINER_ZERO_SIZE");
  EXPECT_EQ(toString(ErrorCode::kJoinCancelled), "ERROR_JOIN_CANCELLED");
  EXPECT_EQ(toString(ErrorCode::kNetwork), "ERROR_NETWORK");
}

TEST(ErrorCode, UnknownNamesMapToNothing) {
  EXPECT_EQ(errorCodeFromString(""), std::nullopt);
  EXPECT_EQ(errorCodeFromString("ERROR_NOPE"), std::nullopt);
  EXPECT_EQ(errorCodeFromString("error_network"), std::nullopt);
}

}  // namespace
}  // namespace callsession
