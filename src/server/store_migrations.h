#pragma once

#include <array>
#include <cstdint>

// The store's schema, one list for SQLite and PostgreSQL alike, so both engines hold the same
// tables. The SQL keeps to what both accept (BIGINT, TEXT, plain indexes). Each migration runs
// once and is recorded in schema_migrations; never edit a released migration, add the next one.
namespace callsession::server {

struct Migration {
  int64_t version;
  const char* sql;
};

inline constexpr std::array<Migration, 1> kStoreMigrations{{
    {1, R"sql(
      CREATE TABLE meetings (
        session_id TEXT PRIMARY KEY,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        allow_list TEXT NOT NULL  -- JSON array of uids; [] means anyone
      );
      CREATE TABLE used_tokens (
        jti TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX used_tokens_by_expiry ON used_tokens (expires_at);
      CREATE TABLE keys (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    )sql"},
}};

// Spent token ids are kept this long past their token's expiry, well beyond any clock leeway.
inline constexpr int64_t kUsedTokenGraceSeconds = 60;

}  // namespace callsession::server
