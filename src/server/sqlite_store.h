#pragma once

#include <sqlite3.h>

#include <filesystem>

#include "store.h"

namespace callsession::server {

// The single-node Store: one SQLite file in WAL mode with synchronous=FULL, so every committed
// write survives kill -9 and power loss. Not thread-safe: the server uses it from its one I/O
// thread.
class SqliteStore final : public Store {
 public:
  // Opens (creating the folder and file if needed) and migrates the schema to the newest version.
  explicit SqliteStore(const std::filesystem::path& file);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  MeetingCreation createMeeting(const Meeting& meeting, int64_t nowSeconds) override;
  std::optional<Meeting> findMeeting(std::string_view sessionId) override;
  bool markTokenUsed(std::string_view jti, int64_t expiresAt, int64_t nowSeconds) override;
  std::string loadOrStoreKey(std::string_view name, std::string_view candidate) override;
  // SQLite's page cache (up to 2 MiB) fills with pages read and written during a peak (each join
  // spends a token). Allocated among the connections' buffers, the 70 cached pages left after a
  // 3,000-connection run kept 130 pages of heap (520 KiB) resident; re-reading them later is a
  // read from the OS's file cache.
  void releaseMemory() override;

  // The newest schema version applied to the file.
  [[nodiscard]] int64_t schemaVersion();

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace callsession::server
