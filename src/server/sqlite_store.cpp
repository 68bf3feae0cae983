#include "sqlite_store.h"

#include "sqlite_schema.h"
#include "sqlite_statement.h"
#include "store_encoding.h"
#include "store_migrations.h"

namespace callsession::server {

SqliteStore::SqliteStore(const std::filesystem::path& file) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw StoreError("cannot open " + file.string() + ": " + message);
  }
  try {
    // Another server process on the same file waits for the lock instead of failing at once.
    sqlite3_busy_timeout(db_, 5000);
    execute(db_, "PRAGMA journal_mode = WAL");
    execute(db_, "PRAGMA synchronous = FULL");
    execute(db_, "PRAGMA foreign_keys = ON");
    migrateSchema(db_);
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

SqliteStore::~SqliteStore() {
  sqlite3_close(db_);
}

void SqliteStore::releaseMemory() {
  sqlite3_db_release_memory(db_);
}

MeetingCreation SqliteStore::createMeeting(const Meeting& meeting, int64_t nowSeconds) {
  SqliteTransaction transaction(db_);
  if (auto existing = findMeeting(meeting.sessionId);
      existing && !existing->hasExpired(nowSeconds)) {
    transaction.commit();
    return {*existing, false};
  }
  SqliteStatement insert(db_,
                         "INSERT OR REPLACE INTO meetings (session_id, created_at, expires_at, "
                         "allow_list) VALUES (?, ?, ?, ?)");
  insert.bind(1, meeting.sessionId)
      .bind(2, meeting.createdAt)
      .bind(3, meeting.expiresAt)
      .bind(4, allowListText(meeting.allowList))
      .run();
  transaction.commit();
  return {meeting, true};
}

std::optional<Meeting> SqliteStore::findMeeting(std::string_view sessionId) {
  SqliteStatement select(
      db_, "SELECT created_at, expires_at, allow_list FROM meetings WHERE session_id = ?");
  if (!select.bind(1, sessionId).step()) return std::nullopt;
  return Meeting{std::string(sessionId), select.integer(0), select.integer(1),
                 allowListFromText(select.text(2))};
}

bool SqliteStore::markTokenUsed(std::string_view jti, int64_t expiresAt, int64_t nowSeconds) {
  SqliteTransaction transaction(db_);
  SqliteStatement prune(db_, "DELETE FROM used_tokens WHERE expires_at < ?");
  prune.bind(1, nowSeconds - kUsedTokenGraceSeconds).run();
  SqliteStatement insert(db_, "INSERT OR IGNORE INTO used_tokens (jti, expires_at) VALUES (?, ?)");
  insert.bind(1, jti).bind(2, expiresAt).run();
  const bool fresh = sqlite3_changes(db_) == 1;
  transaction.commit();
  return fresh;
}

std::string SqliteStore::loadOrStoreKey(std::string_view name, std::string_view candidate) {
  SqliteTransaction transaction(db_);
  SqliteStatement insert(db_, "INSERT OR IGNORE INTO keys (name, value) VALUES (?, ?)");
  insert.bind(1, name).bind(2, candidate).run();
  SqliteStatement select(db_, "SELECT value FROM keys WHERE name = ?");
  if (!select.bind(1, name).step()) throw StoreError("key vanished after insert");
  std::string value = select.text(0);
  transaction.commit();
  return value;
}

int64_t SqliteStore::schemaVersion() {
  SqliteStatement select(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  select.step();
  return select.integer(0);
}

}  // namespace callsession::server
