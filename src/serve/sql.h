// Read-only access to sitrep.db for the server: a pool of connections (one
// per request in flight, so the HTTP threads never share a statement) and a
// thin prepared-statement wrapper whose bindings are always parameters,
// never spliced into the SQL text.
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep::serve {

// One prepared statement. Bind* take 1-based positions in the order of the
// `?` marks; Step() returns true while there is a row.
class Query {
 public:
  Query(sqlite3* db, std::string_view sql);
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  const std::string& error() const { return error_; }

  Query& Text(std::string_view v);
  Query& Int(std::int64_t v);
  bool Step();

  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string_view Str(int col) const;
  std::int64_t Num(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int next_ = 0;
  std::string error_;
};

// Read-only connections to one database, handed out one per caller.
class ConnectionPool {
 public:
  // Opens `path` read-only and checks that it is a sitrep database of the
  // schema version the server reads. Errors name the file and say how to
  // make a new one.
  static Result<std::unique_ptr<ConnectionPool>> Open(const std::string& path);
  ~ConnectionPool();

  // A connection for as long as the Lease lives; waits if all are in use.
  class Lease {
   public:
    Lease(ConnectionPool* pool, sqlite3* db) : pool_(pool), db_(db) {}
    ~Lease() { pool_->Release(db_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    sqlite3* db() const { return db_; }

   private:
    ConnectionPool* pool_;
    sqlite3* db_;
  };
  Lease Acquire();

 private:
  explicit ConnectionPool(std::string path) : path_(std::move(path)) {}
  void Release(sqlite3* db);

  std::string path_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<sqlite3*> free_;
  std::size_t open_ = 0;
};

}  // namespace sitrep::serve
