// `sitrep serve --in DIR [--port 8080] [--host 127.0.0.1] [--web DIR]`: the
// JSON API and the web app over an analyze output folder's sitrep.db.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "cli.h"
#include "serve/server.h"

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string in;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
};

// The built web app sits beside the binary's build folder (build/sitrep ->
// web/dist), as scripts/setup.sh leaves it.
std::string DefaultWebRoot() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
    fs::path candidate = dir / "web" / "dist";
    if (fs::is_regular_file(candidate / "index.html", ec)) return candidate.string();
  }
  return {};
}

int Run(const Options& o) {
  sitrep::serve::ServerOptions so;
  so.dir = o.in;
  so.host = o.host;
  so.port = o.port;
  so.web_root = o.web.empty() ? DefaultWebRoot() : o.web;
  if (!o.web.empty() && !fs::is_regular_file(fs::path(o.web) / "index.html")) {
    sitrep::cli::PrintError("--web " + o.web + " has no index.html");
    return sitrep::cli::kExitUsage;
  }
  // SIGINT and SIGTERM are taken by a thread that stops the server, so the
  // server is shut down cleanly from a normal thread, not a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = sitrep::serve::Server::Start(so);
  if (!server.ok()) {
    sitrep::cli::PrintError(server.status().message());
    return sitrep::cli::kExitUsage;
  }
  std::printf("sitrep: serving %s at http://%s:%d/\n", o.in.c_str(), o.host.c_str(), server.value()->port());
  if (so.web_root.empty()) std::printf("sitrep: web app not built (run scripts/setup.sh); serving the API only\n");
  std::fflush(stdout);
  sitrep::serve::Server* s = server.value().get();
  std::thread stopper([s, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    s->Stop();
  });
  s->Run();
  // Run() also returns if listening failed; wake the stopper either way.
  kill(getpid(), SIGTERM);
  stopper.join();
  std::fprintf(stderr, "sitrep: server stopped\n");
  return sitrep::cli::kExitOk;
}

sitrep::cli::CommandRegistrar reg(
    "", "serve", "Serve the web app and JSON API over an output folder",
    [](CLI::App& app) {
      auto opts = std::make_shared<Options>();
      app.add_option("--in", opts->in, "Output folder of sitrep analyze or merge (with sitrep.db)")->required();
      app.add_option("--port", opts->port, "Port to listen on; 0 picks a free one")
          ->check(CLI::Range(0, 65535))
          ->capture_default_str();
      app.add_option("--host", opts->host, "Address to bind; the default keeps the data on this machine")
          ->capture_default_str();
      app.add_option("--web", opts->web, "Folder of the built web app (default: web/dist beside the build)");
      return [opts] { return Run(*opts); };
    });

}  // namespace
