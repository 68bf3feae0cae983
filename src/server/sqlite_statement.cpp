#include "sqlite_statement.h"

#include "store.h"

namespace callsession::server {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db));
}

}  // namespace

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
      SQLITE_OK) {
    fail(db, "prepare");
  }
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(statement_);
}

SqliteStatement& SqliteStatement::bind(int position, std::string_view text) {
  if (sqlite3_bind_text(statement_, position, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    fail(db_, "bind");
  }
  return *this;
}

SqliteStatement& SqliteStatement::bind(int position, int64_t number) {
  if (sqlite3_bind_int64(statement_, position, number) != SQLITE_OK) fail(db_, "bind");
  return *this;
}

bool SqliteStatement::step() {
  const int status = sqlite3_step(statement_);
  if (status == SQLITE_ROW) return true;
  if (status == SQLITE_DONE) return false;
  fail(db_, "step");
}

void SqliteStatement::run() {
  while (step()) {
  }
}

std::string SqliteStatement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  const int size = sqlite3_column_bytes(statement_, column);
  return bytes == nullptr
             ? std::string()
             : std::string(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size));
}

int64_t SqliteStatement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

SqliteTransaction::SqliteTransaction(sqlite3* db) : db_(db) {
  execute(db, "BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction() {
  // Errors are ignored here: a destructor must not throw, and SQLite rolls back on its own when a
  // statement inside failed badly enough.
  if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit() {
  execute(db_, "COMMIT");
  open_ = false;
}

void execute(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    throw StoreError(std::string("exec: ") + text);
  }
}

}  // namespace callsession::server
