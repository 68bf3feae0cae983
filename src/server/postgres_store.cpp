#include "postgres_store.h"

#include <libpq-fe.h>

#include "store_encoding.h"
#include "store_migrations.h"

namespace callsession::server {

// One statement's rows, freed with it.
class PostgresStore::Result {
 public:
  explicit Result(PGresult* result) : result_(result, &PQclear) {}

  [[nodiscard]] bool succeeded() const {
    const ExecStatusType status = PQresultStatus(result_.get());
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  }
  [[nodiscard]] int rows() const { return PQntuples(result_.get()); }
  [[nodiscard]] std::string text(int row, int column) const {
    return PQgetvalue(result_.get(), row, column);
  }
  [[nodiscard]] int64_t integer(int row, int column) const { return std::stoll(text(row, column)); }
  // Rows an INSERT, UPDATE or DELETE touched.
  [[nodiscard]] int64_t changes() const {
    const std::string count = PQcmdTuples(result_.get());
    return count.empty() ? 0 : std::stoll(count);
  }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

PostgresStore::PostgresStore(const std::string& connection)
    : connection_(PQconnectdb(connection.c_str())) {
  if (PQstatus(connection_) != CONNECTION_OK) {
    // libpq's message names host and database, never the password.
    const std::string message =
        connection_ != nullptr ? PQerrorMessage(connection_) : "out of memory";
    PQfinish(connection_);
    throw StoreError("cannot connect to PostgreSQL: " + message);
  }
  try {
    execute("SET client_min_messages = warning");
    migrate();
  } catch (...) {
    PQfinish(connection_);
    throw;
  }
}

PostgresStore::~PostgresStore() {
  PQfinish(connection_);
}

PostgresStore::Result PostgresStore::execute(const std::string& sql,
                                             const std::vector<std::string>& parameters) {
  // A database restart drops the connection: reconnect once here rather than fail every request
  // until the server is restarted too.
  if (PQstatus(connection_) != CONNECTION_OK) PQreset(connection_);
  std::vector<const char*> values;
  values.reserve(parameters.size());
  for (const std::string& parameter : parameters) values.push_back(parameter.c_str());
  Result result(PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                             values.data(), nullptr, nullptr, 0));
  if (!result.succeeded()) {
    throw StoreError("PostgreSQL: " + std::string(PQerrorMessage(connection_)));
  }
  return result;
}

void PostgresStore::migrate() {
  execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)");
  for (const Migration& migration : kStoreMigrations) {
    // The advisory lock serializes nodes starting together, so a migration is applied once.
    execute("BEGIN");
    try {
      execute("SELECT pg_advisory_xact_lock(7718)");
      if (execute("SELECT 1 FROM schema_migrations WHERE version = $1",
                  {std::to_string(migration.version)})
              .rows() == 0) {
        // Several statements in one string need the simple protocol: no parameters.
        if (Result applied(PQexec(connection_, migration.sql)); !applied.succeeded()) {
          throw StoreError("PostgreSQL migration " + std::to_string(migration.version) + ": " +
                           PQerrorMessage(connection_));
        }
        execute(
            "INSERT INTO schema_migrations (version, applied_at) "
            "VALUES ($1, extract(epoch FROM now())::bigint)",
            {std::to_string(migration.version)});
      }
      execute("COMMIT");
    } catch (...) {
      PQexec(connection_, "ROLLBACK");
      throw;
    }
  }
}

MeetingCreation PostgresStore::createMeeting(const Meeting& meeting, int64_t nowSeconds) {
  // One statement: insert, or replace an expired meeting; a live one is left as it is. Two nodes
  // creating the same resource meeting at once therefore agree on one.
  const Result written = execute(
      "INSERT INTO meetings (session_id, created_at, expires_at, allow_list) "
      "VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO UPDATE SET "
      "created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at, "
      "allow_list = EXCLUDED.allow_list WHERE meetings.expires_at <= $5",
      {meeting.sessionId, std::to_string(meeting.createdAt), std::to_string(meeting.expiresAt),
       allowListText(meeting.allowList), std::to_string(nowSeconds)});
  if (written.changes() == 1) return {meeting, true};
  std::optional<Meeting> existing = findMeeting(meeting.sessionId);
  if (!existing) throw StoreError("meeting vanished after a conflicting insert");
  return {*existing, false};
}

std::optional<Meeting> PostgresStore::findMeeting(std::string_view sessionId) {
  const Result row =
      execute("SELECT created_at, expires_at, allow_list FROM meetings WHERE session_id = $1",
              {std::string(sessionId)});
  if (row.rows() == 0) return std::nullopt;
  return Meeting{std::string(sessionId), row.integer(0, 0), row.integer(0, 1),
                 allowListFromText(row.text(0, 2))};
}

bool PostgresStore::markTokenUsed(std::string_view jti, int64_t expiresAt, int64_t nowSeconds) {
  execute("DELETE FROM used_tokens WHERE expires_at < $1",
          {std::to_string(nowSeconds - kUsedTokenGraceSeconds)});
  return execute(
             "INSERT INTO used_tokens (jti, expires_at) VALUES ($1, $2) "
             "ON CONFLICT (jti) DO NOTHING",
             {std::string(jti), std::to_string(expiresAt)})
             .changes() == 1;
}

std::string PostgresStore::loadOrStoreKey(std::string_view name, std::string_view candidate) {
  execute("INSERT INTO keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
          {std::string(name), std::string(candidate)});
  const Result row = execute("SELECT value FROM keys WHERE name = $1", {std::string(name)});
  if (row.rows() == 0) throw StoreError("key vanished after insert");
  return row.text(0, 0);
}

int64_t PostgresStore::schemaVersion() {
  return execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").integer(0, 0);
}

}  // namespace callsession::server
