#include "sqlite_schema.h"

#include "sqlite_statement.h"
#include "store_migrations.h"

namespace callsession::server {

void migrateSchema(sqlite3* db) {
  execute(db,
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
          "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
  for (const Migration& migration : kStoreMigrations) {
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
