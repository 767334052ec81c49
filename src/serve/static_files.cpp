#include "serve/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sitrep::serve {

std::string_view ContentType(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".md") || ends(".txt") || ends("LICENSE")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool SafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
  std::size_t i = 1;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    // "." and ".." walk the tree; other dot-names (.git, .env) are not the app's.
    if (!seg.empty() && seg.front() == '.') return false;
    i = j + 1;
  }
  return true;
}

Response ServeStatic(const std::string& root, std::string_view path) {
  Response r;
  if (!SafeRelativePath(path)) {
    r.status = 400;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "400 bad request: path refused\n";
    return r;
  }
  std::string rel(path.substr(1));
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  std::filesystem::path file = std::filesystem::path(root) / rel;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "404 not found\n";
    return r;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  r.body = ss.str();
  r.content_type = std::string(ContentType(rel));
  if (r.content_type.rfind("text/html", 0) == 0) {
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  }
  return r;
}

}  // namespace sitrep::serve
