#include "sqlite_store.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace callsession::server {
namespace {

constexpr int64_t kNow = 1'700'000'000;

class SqliteStoreTest : public ::testing::Test {
 protected:
  [[nodiscard]] std::filesystem::path file() const { return dir.path() / "nested" / "store.db"; }

  testing::TempDir dir;
};

Meeting meeting(const std::string& id, int64_t expiresAt = kNow + 3600) {
  return {id, kNow, expiresAt, {"ada", "bob"}};
}

TEST_F(SqliteStoreTest, CreatesItsFolderAndTheNewestSchema) {
  SqliteStore store(file());
  EXPECT_TRUE(std::filesystem::exists(file()));
  EXPECT_EQ(store.schemaVersion(), 1);
}

TEST_F(SqliteStoreTest, ReopeningMigratesNothingTwice) {
  { SqliteStore first(file()); }
  SqliteStore again(file());
  EXPECT_EQ(again.schemaVersion(), 1);
}

TEST_F(SqliteStoreTest, UsesWriteAheadLogging) {
  { SqliteStore store(file()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

TEST_F(SqliteStoreTest, AMeetingSurvivesAReopen) {
  { SqliteStore(file()).createMeeting(meeting("team-42"), kNow); }
  EXPECT_EQ(SqliteStore(file()).findMeeting("team-42"), meeting("team-42"));
}

TEST_F(SqliteStoreTest, AnUnknownMeetingIsNotFound) {
  EXPECT_EQ(SqliteStore(file()).findMeeting("team-42"), std::nullopt);
}

TEST_F(SqliteStoreTest, CreatingALiveMeetingAgainReturnsItUnchanged) {
  SqliteStore store(file());
  EXPECT_TRUE(store.createMeeting(meeting("team-42"), kNow).created);
  Meeting other = meeting("team-42", kNow + 99);
  other.allowList = {};
  const MeetingCreation again = store.createMeeting(other, kNow + 10);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.meeting, meeting("team-42"));
  EXPECT_EQ(store.findMeeting("team-42"), meeting("team-42"));
}

TEST_F(SqliteStoreTest, CreatingAnExpiredMeetingAgainRenewsIt) {
  SqliteStore store(file());
  store.createMeeting(meeting("team-42", kNow + 10), kNow);
  const Meeting renewed{"team-42", kNow + 10, kNow + 1000, {}};
  const MeetingCreation again = store.createMeeting(renewed, kNow + 10);
  EXPECT_TRUE(again.created);
  EXPECT_EQ(store.findMeeting("team-42"), renewed);
}

TEST_F(SqliteStoreTest, ATokenIdIsUsableOnce) {
  SqliteStore store(file());
  EXPECT_TRUE(store.markTokenUsed("jti-1", kNow + 300, kNow));
  EXPECT_FALSE(store.markTokenUsed("jti-1", kNow + 300, kNow + 1));
  EXPECT_TRUE(store.markTokenUsed("jti-2", kNow + 300, kNow + 1));
}

TEST_F(SqliteStoreTest, AReplayIsRefusedAfterAReopen) {
  { SqliteStore(file()).markTokenUsed("jti-1", kNow + 300, kNow); }
  EXPECT_FALSE(SqliteStore(file()).markTokenUsed("jti-1", kNow + 300, kNow + 1));
}

TEST_F(SqliteStoreTest, SpentIdsAreForgottenWellAfterTheirTokenExpired) {
  SqliteStore store(file());
  store.markTokenUsed("jti-1", kNow + 300, kNow);
  EXPECT_FALSE(store.markTokenUsed("jti-1", kNow + 300, kNow + 300));
  EXPECT_TRUE(store.markTokenUsed("jti-1", kNow + 300, kNow + 300 + 3600));
}

TEST_F(SqliteStoreTest, AKeyIsStoredOnceAndKept) {
  { EXPECT_EQ(SqliteStore(file()).loadOrStoreKey("signing_key", "first"), "first"); }
  SqliteStore store(file());
  EXPECT_EQ(store.loadOrStoreKey("signing_key", "second"), "first");
  EXPECT_EQ(store.loadOrStoreKey("demo_auth_key", "other"), "other");
}

TEST_F(SqliteStoreTest, AFileThatIsNotADatabaseIsAStoreError) {
  std::filesystem::create_directories(file().parent_path());
  std::FILE* out = std::fopen(file().c_str(), "w");
  std::fputs("this is not sqlite, and it is long enough to have a header of its own.........", out);
  std::fclose(out);
  EXPECT_THROW(SqliteStore store(file()), StoreError);
}

}  // namespace
}  // namespace callsession::server
