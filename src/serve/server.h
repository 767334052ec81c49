// `sitrep serve`: the JSON API (serve/api.h) and the web app's files over
// HTTP, with cpp-httplib. Bound to 127.0.0.1 unless told otherwise, because
// the data may be an analyst's unpublished work.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"

namespace sitrep::serve {

struct ServerOptions {
  std::string dir;                // an analyze output folder with sitrep.db
  std::string host = "127.0.0.1";
  int port = 8080;                // 0 picks a free port
  std::string web_root;           // the built web app (web/dist); empty: API only
};

class Server {
 public:
  // Opens the database and binds the socket. Fails with a message naming
  // the file or the address when either cannot be had.
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options);
  ~Server();

  // The port bound (useful with port 0).
  int port() const;
  // Serves until Stop() is called from another thread. Malformed requests
  // get a 4xx and never stop the loop.
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::serve
