#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store.h"

struct pg_conn;

// The Store for several nodes: PostgreSQL through libpq (CALLSESSION_DATABASE_URL). Every node
// sees the same meetings, and a token id spent at one node is refused at all others, because
// each check-and-write is one atomic statement in the shared database. Not thread-safe: the server
// uses it from its one I/O thread.
namespace callsession::server {

class PostgresStore final : public Store {
 public:
  // `connection` is a libpq connection string or URL (postgresql://user@host:port/db). Connects
  // and migrates the schema to the newest version; throws StoreError when either fails.
  explicit PostgresStore(const std::string& connection);
  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  MeetingCreation createMeeting(const Meeting& meeting, int64_t nowSeconds) override;
  std::optional<Meeting> findMeeting(std::string_view sessionId) override;
  bool markTokenUsed(std::string_view jti, int64_t expiresAt, int64_t nowSeconds) override;
  std::string loadOrStoreKey(std::string_view name, std::string_view candidate) override;

  // The newest schema version applied to the database.
  [[nodiscard]] int64_t schemaVersion();

 private:
  class Result;
  Result execute(const std::string& sql, const std::vector<std::string>& parameters = {});
  void migrate();

  pg_conn* connection_ = nullptr;
};

}  // namespace callsession::server
