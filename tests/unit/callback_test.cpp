// Callback (src/core/callback.h), the core's std::function replacement.
#include "core/callback.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace callsession {
namespace {

TEST(Callback, CallsWhatItWasGivenWithItsArguments) {
  std::string seen;
  Callback<void(const std::string&, int)> callback = [&seen](const std::string& text, int n) {
    seen = text + std::to_string(n);
  };
  callback("a", 1);
  EXPECT_EQ(seen, "a1");
  Callback<int(int)> twice = [](int n) { return 2 * n; };
  EXPECT_EQ(twice(21), 42);
}

TEST(Callback, IsEmptyByDefaultAndAfterNullptr) {
  Callback<void()> callback;
  EXPECT_FALSE(callback);
  callback = [] {};
  EXPECT_TRUE(callback);
  callback = nullptr;
  EXPECT_FALSE(callback);
}

TEST(Callback, CopiesShareOneCallableWhichLivesAsLongAsTheLastCopy) {
  auto alive = std::make_shared<int>(0);
  std::weak_ptr<int> watch = alive;
  Callback<int()> original = [alive] { return ++*alive; };
  alive.reset();
  Callback<int()> copy = original;
  EXPECT_EQ(original(), 1);
  EXPECT_EQ(copy(), 2);  // the same state, not a clone
  original = nullptr;
  EXPECT_FALSE(watch.expired());
  copy = nullptr;
  EXPECT_TRUE(watch.expired());
}

TEST(Callback, MovingLeavesTheSourceEmpty) {
  Callback<void()> source = [] {};
  Callback<void()> target = std::move(source);
  EXPECT_TRUE(target);
  EXPECT_FALSE(source);  // NOLINT(bugprone-use-after-move): the point of the test
}

TEST(Callback, ACallbackCanDropItsOwnerWhileRunningThroughACopy) {
  // The registry pattern of bindings/callbacks.cpp: run a copy, so releasing the stored one from
  // inside the call does not destroy the running callable.
  auto stored = std::make_unique<Callback<void()>>();
  int calls = 0;
  *stored = [&stored, &calls] {
    stored.reset();
    ++calls;
  };
  Callback<void()> running = *stored;
  running();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(stored, nullptr);
}

}  // namespace
}  // namespace callsession
