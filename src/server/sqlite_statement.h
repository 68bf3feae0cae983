#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

// A thin RAII layer over the SQLite C API: a prepared statement that finalises itself, binds by
// position and throws StoreError on any failure.
namespace callsession::server {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& bind(int position, std::string_view text);
  SqliteStatement& bind(int position, int64_t number);

  // Advances to the next row: true while there is one.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] int64_t integer(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

// BEGIN IMMEDIATE (the write lock first, so two processes on one file serialise) ... COMMIT; rolls
// back if left without commit(), for instance by an exception.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(sqlite3* db);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  void commit();

 private:
  sqlite3* db_;
  bool open_ = true;
};

// Runs SQL that needs no binding (schema, pragmas, transaction control).
void execute(sqlite3* db, const char* sql);

}  // namespace callsession::server
