#include <gtest/gtest.h>

#include "core/client/warm_up.h"

namespace callsession::client {
namespace {

// A step that failed would leave the rest of a real join's code cold, and say nothing.
TEST(WarmUp, RunsAMadeUpJoinDownEveryStepsSuccessPath) {
  EXPECT_TRUE(warmUpJoinPath());
}

TEST(WarmUp, KeepsNoStateBetweenRuns) {
  ASSERT_TRUE(warmUpJoinPath());
  EXPECT_TRUE(warmUpJoinPath());  // the made-up token is not remembered as used
}

}  // namespace
}  // namespace callsession::client
