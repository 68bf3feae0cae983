#pragma once

#include <sqlite3.h>

namespace callsession::server {

// Brings the file's schema to the newest version (store_migrations.h), each migration in its own
// transaction.
void migrateSchema(sqlite3* db);

}  // namespace callsession::server
