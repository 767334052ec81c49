#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include "serve/api.h"
#include "serve/static_files.h"

namespace sitrep::serve {

struct Server::Impl {
  std::unique_ptr<Api> api;
  std::string web_root;
  httplib::Server http;
  int port = 0;
};

namespace {

void Send(const Response& from, httplib::Response& to, bool api) {
  to.status = from.status;
  to.set_content(from.body, from.content_type.c_str());
  for (const auto& [k, v] : from.headers) to.set_header(k.c_str(), v.c_str());
  to.set_header("X-Content-Type-Options", "nosniff");
  to.set_header("Referrer-Policy", "no-referrer");
  if (api) to.set_header("Cache-Control", "no-store");
}

const char* kNoWebApp =
    "<!doctype html><meta charset=utf-8><title>sitrep</title><h1>sitrep</h1>"
    "<p>The web app is not built: run <code>scripts/setup.sh</code> (it builds web/dist), "
    "or pass <code>--web DIR</code>. The API is at <a href=\"/api/summary\">/api/summary</a>.</p>";

}  // namespace

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& o) {
  auto api = Api::Open(o.dir + "/sitrep.db");
  if (!api.ok()) return api.status();
  auto impl = std::make_unique<Impl>();
  impl->api = std::move(api).value();
  impl->web_root = o.web_root;
  Impl* self = impl.get();

  auto handle = [self](const httplib::Request& req, httplib::Response& res) {
    bool api_path = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
    if (api_path) {
      Request r;
      r.method = req.method;
      r.path = req.path;
      r.params.insert(req.params.begin(), req.params.end());
      Send(self->api->Handle(r), res, true);
      return;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      Response e;
      e.status = 405;
      e.content_type = "text/plain; charset=utf-8";
      e.body = "405 method not allowed\n";
      e.headers.emplace_back("Allow", "GET, HEAD");
      Send(e, res, false);
      return;
    }
    if (self->web_root.empty()) {
      Response e;
      e.status = req.path == "/" ? 200 : 404;
      e.content_type = "text/html; charset=utf-8";
      e.body = kNoWebApp;
      Send(e, res, false);
      return;
    }
    Send(ServeStatic(self->web_root, req.path), res, false);
  };
  auto& h = impl->http;
  h.Get(".*", handle);
  h.Post(".*", handle);
  h.Put(".*", handle);
  h.Patch(".*", handle);
  h.Delete(".*", handle);
  h.Options(".*", handle);
  // httplib's default also sets SO_REUSEPORT, which lets a second server
  // bind a port already in use and silently take half its connections.
  // SO_REUSEADDR alone allows a restart while old connections linger.
  h.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Requests carry no body worth reading; a large one is refused early.
  h.set_payload_max_length(64 * 1024);
  h.set_read_timeout(10, 0);
  h.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Response e;
    e.status = 500;
    e.body = R"({"error":{"status":500,"message":"internal error"}})";
    Send(e, res, true);
  });
  if (o.port == 0) {
    impl->port = h.bind_to_any_port(o.host);
    if (impl->port <= 0) return Status(Code::kIoError, "cannot listen on " + o.host + ": no free port");
  } else {
    if (!h.bind_to_port(o.host, o.port)) {
      return Status(Code::kIoError, "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                        " (in use, or not an address of this machine)");
    }
    impl->port = o.port;
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

int Server::port() const { return impl_->port; }
void Server::Run() { impl_->http.listen_after_bind(); }
void Server::Stop() { impl_->http.stop(); }

}  // namespace sitrep::serve
