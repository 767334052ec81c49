#include "serve/sql.h"

#include <filesystem>

#include "store/database.h"

namespace sitrep::serve {

Query::Query(sqlite3* db, std::string_view sql) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    error_ = sqlite3_errmsg(db);
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
}

Query::~Query() { sqlite3_finalize(stmt_); }

Query& Query::Text(std::string_view v) {
  if (stmt_) sqlite3_bind_text(stmt_, ++next_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Query& Query::Int(std::int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, ++next_, v);
  return *this;
}

bool Query::Step() {
  if (!stmt_) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) error_ = sqlite3_errmsg(sqlite3_db_handle(stmt_));
  return false;
}

std::string_view Query::Str(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}

namespace {

sqlite3* OpenReadOnly(const std::string& path, std::string* error) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    *error = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return nullptr;
  }
  // A reader waits briefly rather than failing if a writer holds a lock.
  sqlite3_busy_timeout(db, 2000);
  return db;
}

}  // namespace

Result<std::unique_ptr<ConnectionPool>> ConnectionPool::Open(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status(Code::kNotFound, path + " not found: run `sitrep analyze` without --no-db to make it");
  }
  std::string error;
  sqlite3* db = OpenReadOnly(path, &error);
  if (!db) return Status(Code::kIoError, "cannot open " + path + ": " + error);
  std::string version;
  {
    Query q(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (q.Step()) version = std::string(q.Str(0));
    else error = q.ok() ? "no schema_version" : q.error();
  }
  if (version != std::to_string(store::kDatabaseSchemaVersion)) {
    sqlite3_close(db);
    if (version.empty()) return Status(Code::kCorrupt, path + " is not a sitrep database (" + error + ")");
    return Status(Code::kCorrupt, path + " has schema version " + version + ", this sitrep reads version " +
                                      std::to_string(store::kDatabaseSchemaVersion) +
                                      ": rebuild it with `sitrep merge` or `sitrep analyze`");
  }
  std::unique_ptr<ConnectionPool> pool(new ConnectionPool(path));
  pool->free_.push_back(db);
  pool->open_ = 1;
  return pool;
}

ConnectionPool::~ConnectionPool() {
  for (sqlite3* db : free_) sqlite3_close(db);
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  // More connections than HTTP worker threads never help; the cap keeps a
  // burst of requests from opening hundreds of file handles.
  constexpr std::size_t kMaxConnections = 16;
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (!free_.empty()) {
      sqlite3* db = free_.back();
      free_.pop_back();
      return Lease(this, db);
    }
    if (open_ < kMaxConnections) {
      ++open_;
      lock.unlock();
      std::string error;
      sqlite3* db = OpenReadOnly(path_, &error);
      if (db) return Lease(this, db);
      lock.lock();
      --open_;
      // The file was readable at start; wait for a connection in use.
    }
    cv_.wait(lock);
  }
}

void ConnectionPool::Release(sqlite3* db) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(db);
  }
  cv_.notify_one();
}

}  // namespace sitrep::serve
