// SQLite-only properties of the store; the behaviour every engine shares is
// store_contract_test.cpp.
#include "sqlite_store.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace callsession::server {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  [[nodiscard]] std::filesystem::path file() const { return dir.path() / "nested" / "store.db"; }

  testing::TempDir dir;
};

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

TEST_F(SqliteStoreTest, AFileThatIsNotADatabaseIsAStoreError) {
  std::filesystem::create_directories(file().parent_path());
  std::FILE* out = std::fopen(file().c_str(), "w");
  std::fputs("this is not sqlite, and it is long enough to have a header of its own.........", out);
  std::fclose(out);
  EXPECT_THROW(SqliteStore store(file()), StoreError);
}

TEST_F(SqliteStoreTest, ReleasingItsCacheLosesNothing) {
  SqliteStore store(file());
  const Meeting meeting{"s-1", 100, 200, {"ada"}};
  store.createMeeting(meeting, 100);
  EXPECT_TRUE(store.markTokenUsed("j-1", 200, 100));
  store.releaseMemory();
  EXPECT_EQ(store.findMeeting("s-1"), meeting);
  EXPECT_FALSE(store.markTokenUsed("j-1", 200, 100));
}

}  // namespace
}  // namespace callsession::server
