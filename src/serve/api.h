// The JSON API of `sitrep serve` over sitrep.db, independent of any HTTP
// library: a Request in, a Response out. The server glues it to sockets; the
// tests call it directly as well as over HTTP.
//
// Every list is paginated with `limit` (1..500, default 50) and `offset`
// (default 0) and answers {"total", "limit", "offset", "items": [...]}.
// Errors answer {"error": {"status", "message"}}: 400 for a bad or unknown
// parameter, 404 for an unknown id or path, 405 for a method other than GET
// or HEAD. data/serve/openapi.json describes every route.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace sitrep::serve {

class ConnectionPool;

struct Request {
  std::string method = "GET";
  std::string path;                               // decoded, without the query
  std::multimap<std::string, std::string> params;  // decoded query parameters
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

class Api {
 public:
  // Opens DIR/sitrep.db read-only. Fails, naming the file, when it is
  // missing, not a sitrep database, or of another schema version.
  static Result<std::unique_ptr<Api>> Open(const std::string& db_path);
  ~Api();

  // Answers one request for a path under /api/. Thread-safe: requests run
  // concurrently, each on its own connection.
  Response Handle(const Request& request) const;

 private:
  explicit Api(std::unique_ptr<ConnectionPool> pool);
  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace sitrep::serve
