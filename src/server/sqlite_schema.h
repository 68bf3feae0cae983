#pragma once

#include <sqlite3.h>

namespace callsession::server {

// Brings the file's schema to the newest version. Each migration runs once, in its own
// transaction, and is recorded in the schema_migrations table; never edit a released migration,
// add the next one.
void migrateSchema(sqlite3* db);

}  // namespace callsession::server
