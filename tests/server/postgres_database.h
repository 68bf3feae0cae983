#pragma once

#include <string>

// A fresh PostgreSQL database for one test, dropped at scope exit, on the server that `npm test`
// starts (scripts/postgres.sh) and names in CALLSESSION_TEST_POSTGRES (a libpq connection string
// without dbname). Without that variable it throws: the PostgreSQL suites fail loudly instead of
// being skipped.
namespace callsession::server::testing {

class PostgresDatabase {
 public:
  PostgresDatabase();
  ~PostgresDatabase();
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  // The connection string for this database, as CALLSESSION_DATABASE_URL takes it.
  [[nodiscard]] const std::string& connection() const { return connection_; }

 private:
  std::string server_;
  std::string name_;
  std::string connection_;
};

}  // namespace callsession::server::testing
