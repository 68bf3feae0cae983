// The Store's specification, run against every engine: SQLite (one node) and PostgreSQL (several
// nodes). Each test opens stores afresh, so "after a reopen" and "at another node" are real
// second connections to the same data.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>

#include "postgres_database.h"
#include "postgres_store.h"
#include "sqlite_store.h"
#include "temp_dir.h"

namespace callsession::server {
namespace {

constexpr int64_t kNow = 1'700'000'000;

enum class Engine { kSqlite, kPostgres };

class StoreContractTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::kSqlite) {
      dir_.emplace();
    } else {
      database_.emplace();
    }
  }

  // A new connection to this test's data: another node, or the same one after a restart.
  std::unique_ptr<Store> open() {
    if (GetParam() == Engine::kSqlite) {
      return std::make_unique<SqliteStore>(dir_->path() / "store.db");
    }
    return std::make_unique<PostgresStore>(database_->connection());
  }

 private:
  std::optional<testing::TempDir> dir_;
  std::optional<testing::PostgresDatabase> database_;
};

Meeting meeting(const std::string& id, int64_t expiresAt = kNow + 3600) {
  return {id, kNow, expiresAt, {"ada", "bob"}};
}

TEST_P(StoreContractTest, AMeetingSurvivesAReopen) {
  open()->createMeeting(meeting("team-42"), kNow);
  EXPECT_EQ(open()->findMeeting("team-42"), meeting("team-42"));
}

TEST_P(StoreContractTest, AnUnknownMeetingIsNotFound) {
  EXPECT_EQ(open()->findMeeting("team-42"), std::nullopt);
}

TEST_P(StoreContractTest, AnEmptyAllowListIsKeptEmpty) {
  const Meeting open_to_all{"team-7", kNow, kNow + 60, {}};
  open()->createMeeting(open_to_all, kNow);
  EXPECT_EQ(open()->findMeeting("team-7"), open_to_all);
}

TEST_P(StoreContractTest, CreatingALiveMeetingAgainReturnsItUnchanged) {
  const auto store = open();
  EXPECT_TRUE(store->createMeeting(meeting("team-42"), kNow).created);
  Meeting other = meeting("team-42", kNow + 99);
  other.allowList = {};
  const MeetingCreation again = store->createMeeting(other, kNow + 10);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.meeting, meeting("team-42"));
  EXPECT_EQ(store->findMeeting("team-42"), meeting("team-42"));
}

TEST_P(StoreContractTest, CreatingAnExpiredMeetingAgainRenewsIt) {
  const auto store = open();
  store->createMeeting(meeting("team-42", kNow + 10), kNow);
  const Meeting renewed{"team-42", kNow + 10, kNow + 1000, {}};
  const MeetingCreation again = store->createMeeting(renewed, kNow + 10);
  EXPECT_TRUE(again.created);
  EXPECT_EQ(store->findMeeting("team-42"), renewed);
}

TEST_P(StoreContractTest, TwoNodesCreatingOneResourceMeetingAgreeOnTheFirst) {
  const auto first = open();
  const auto second = open();
  EXPECT_TRUE(first->createMeeting(meeting("team-42"), kNow).created);
  const MeetingCreation later = second->createMeeting(meeting("team-42", kNow + 5), kNow + 1);
  EXPECT_FALSE(later.created);
  EXPECT_EQ(later.meeting, meeting("team-42"));
}

TEST_P(StoreContractTest, ATokenIdIsUsableOnce) {
  const auto store = open();
  EXPECT_TRUE(store->markTokenUsed("jti-1", kNow + 300, kNow));
  EXPECT_FALSE(store->markTokenUsed("jti-1", kNow + 300, kNow + 1));
  EXPECT_TRUE(store->markTokenUsed("jti-2", kNow + 300, kNow + 1));
}

TEST_P(StoreContractTest, ATokenSpentAtOneNodeIsRefusedAtAnother) {
  const auto first = open();
  const auto second = open();
  EXPECT_TRUE(first->markTokenUsed("jti-1", kNow + 300, kNow));
  EXPECT_FALSE(second->markTokenUsed("jti-1", kNow + 300, kNow + 1));
}

TEST_P(StoreContractTest, AReplayIsRefusedAfterAReopen) {
  open()->markTokenUsed("jti-1", kNow + 300, kNow);
  EXPECT_FALSE(open()->markTokenUsed("jti-1", kNow + 300, kNow + 1));
}

TEST_P(StoreContractTest, SpentIdsAreForgottenWellAfterTheirTokenExpired) {
  const auto store = open();
  store->markTokenUsed("jti-1", kNow + 300, kNow);
  EXPECT_FALSE(store->markTokenUsed("jti-1", kNow + 300, kNow + 300));
  EXPECT_TRUE(store->markTokenUsed("jti-1", kNow + 300, kNow + 300 + 3600));
}

TEST_P(StoreContractTest, AKeyIsStoredOnceAndKept) {
  EXPECT_EQ(open()->loadOrStoreKey("signing_key", "first"), "first");
  const auto store = open();
  EXPECT_EQ(store->loadOrStoreKey("signing_key", "second"), "first");
  EXPECT_EQ(store->loadOrStoreKey("demo_auth_key", "other"), "other");
}

TEST_P(StoreContractTest, QuotesInValuesAreStoredAsWritten) {
  const Meeting tricky{"team-42", kNow, kNow + 60, {"o'brien", "x\"); DROP TABLE meetings; --"}};
  open()->createMeeting(tricky, kNow);
  EXPECT_EQ(open()->findMeeting("team-42"), tricky);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContractTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const ::testing::TestParamInfo<Engine>& info) {
                           return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

TEST(PostgresStoreTest, MigratesOnceAcrossNodes) {
  const testing::PostgresDatabase database;
  PostgresStore first(database.connection());
  PostgresStore second(database.connection());
  EXPECT_EQ(first.schemaVersion(), 1);
  EXPECT_EQ(second.schemaVersion(), 1);
}

TEST(PostgresStoreTest, AnUnreachableServerIsAStoreError) {
  EXPECT_THROW(PostgresStore("host=127.0.0.1 port=1 connect_timeout=2 dbname=none"), StoreError);
}

}  // namespace
}  // namespace callsession::server
