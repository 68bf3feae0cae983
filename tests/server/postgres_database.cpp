#include "postgres_database.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

namespace callsession::server::testing {
namespace {

std::string serverConnection() {
  const char* server = std::getenv("CALLSESSION_TEST_POSTGRES");
  if (server == nullptr || *server == '\0') {
    throw std::runtime_error(
        "CALLSESSION_TEST_POSTGRES is unset: run the suites through `npm test`, which starts "
        "PostgreSQL (scripts/postgres.sh start)");
  }
  return server;
}

// Runs one administrative statement on the server's maintenance database.
void administer(const std::string& server, const std::string& sql) {
  PGconn* connection = PQconnectdb((server + " dbname=postgres").c_str());
  const bool connected = PQstatus(connection) == CONNECTION_OK;
  PGresult* result = connected ? PQexec(connection, sql.c_str()) : nullptr;
  const bool succeeded = result != nullptr && PQresultStatus(result) == PGRES_COMMAND_OK;
  const std::string message = PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
  if (!succeeded) throw std::runtime_error("PostgreSQL test server: " + sql + ": " + message);
}

}  // namespace

PostgresDatabase::PostgresDatabase() : server_(serverConnection()) {
  std::random_device random;
  name_ = "callsession_test_" + std::to_string(random()) + std::to_string(random());
  administer(server_, "CREATE DATABASE " + name_);
  connection_ = server_ + " dbname=" + name_;
}

PostgresDatabase::~PostgresDatabase() {
  try {
    administer(server_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // A database left behind dies with the test server's data folder.
  }
}

}  // namespace callsession::server::testing
