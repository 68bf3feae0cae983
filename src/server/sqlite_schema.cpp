#include "sqlite_schema.h"

#include <array>
#include <cstdint>

#include "sqlite_statement.h"

namespace callsession::server {
namespace {

struct Migration {
  int64_t version;
  const char* sql;
};

constexpr std::array<Migration, 1> kMigrations{{
    {1, R"sql(
      CREATE TABLE meetings (
        session_id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        allow_list TEXT NOT NULL  -- JSON array of uids; [] means anyone
      );
      CREATE TABLE used_tokens (
        jti TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX used_tokens_by_expiry ON used_tokens (expires_at);
      CREATE TABLE keys (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    )sql"},
}};

}  // namespace

void migrateSchema(sqlite3* db) {
  execute(db,
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
          "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
  for (const Migration& migration : kMigrations) {
    // The check is inside the transaction, so two servers starting on one file cannot both apply
    // a migration.
    SqliteTransaction transaction(db);
    SqliteStatement applied(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
    if (!applied.bind(1, migration.version).step()) {
      execute(db, migration.sql);
      SqliteStatement record(
          db, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, unixepoch())");
      record.bind(1, migration.version).run();
    }
    transaction.commit();
  }
}

}  // namespace callsession::server
