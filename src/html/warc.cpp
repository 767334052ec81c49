#include "html/warc.h"

#include <archive.h>
#include <archive_entry.h>

#include <ctime>
#include <memory>

#include "html/charset.h"
#include "html/dom.h"

namespace sitrep::html {
namespace {

// Splits "HTTP/1.1 200 OK\r\nHeaders\r\n\r\nbody" into status, content type
// and body; leaves r->body as the payload.
void SplitHttp(WarcRecord* r) {
  if (!r->body.starts_with("HTTP/")) return;
  std::size_t end = r->body.find("\r\n\r\n");
  std::size_t skip = 4;
  if (end == std::string::npos) {
    end = r->body.find("\n\n");
    skip = 2;
  }
  if (end == std::string::npos) {
    r->skip_reason = "WARC response has no end of HTTP headers";
    return;
  }
  std::string head = LowerAscii(std::string_view(r->body).substr(0, end));
  std::size_t sp = head.find(' ');
  int status = sp == std::string::npos ? 0 : std::atoi(head.c_str() + sp + 1);
  std::size_t ct = head.find("\ncontent-type:");
  if (ct != std::string::npos) {
    std::size_t e = head.find('\n', ct + 1);
    r->content_type = CollapseSpace(head.substr(ct + 14, e == std::string::npos ? std::string::npos : e - ct - 14));
  }
  bool chunked = head.find("transfer-encoding: chunked") != std::string::npos;
  bool gzip = head.find("content-encoding: gzip") != std::string::npos ||
              head.find("content-encoding: br") != std::string::npos;
  r->body.erase(0, end + skip);
  if (status < 200 || status >= 300) {
    r->skip_reason = "WARC response with HTTP status " + std::to_string(status);
  } else if (gzip) {
    r->skip_reason = "WARC response with a compressed HTTP body (Content-Encoding)";
  } else if (chunked) {
    // De-chunk: size line, data, CRLF.
    std::string out;
    std::size_t p = 0;
    while (p < r->body.size()) {
      std::size_t nl = r->body.find('\n', p);
      if (nl == std::string::npos) break;
      std::size_t n = std::strtoul(r->body.c_str() + p, nullptr, 16);
      if (n == 0) break;
      p = nl + 1;
      out.append(r->body, p, n);
      p += n + 2;
    }
    r->body = std::move(out);
  }
}

}  // namespace

bool IsHtmlType(const std::string& ct) {
  return ct.empty() || ct.starts_with("text/html") || ct.starts_with("application/xhtml");
}

std::string ReadWarc(const std::string& path, std::uint64_t max_bytes,
                     const std::function<void(WarcRecord&&)>& emit) {
  std::unique_ptr<archive, int (*)(archive*)> a(archive_read_new(), archive_read_free);
  archive_read_support_filter_all(a.get());
  archive_read_support_format_warc(a.get());
  if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK)
    return std::string("cannot read as WARC: ") + archive_error_string(a.get());
  std::size_t number = 0;
  for (;;) {
    archive_entry* e = nullptr;
    int rc = archive_read_next_header(a.get(), &e);
    if (rc == ARCHIVE_EOF) return "";
    if (rc == ARCHIVE_FATAL)
      return "damaged WARC after record " + std::to_string(number) + ": " + archive_error_string(a.get());
    ++number;
    WarcRecord r;
    r.number = number;
    if (const char* p = archive_entry_pathname(e)) r.uri = p;
    if (archive_entry_mtime_is_set(e)) {
      std::time_t t = archive_entry_mtime(e);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
      r.date = buf;
    }
    la_int64_t size = archive_entry_size(e);
    r.bytes = size > 0 ? static_cast<std::uint64_t>(size) : 0;
    if (r.bytes > max_bytes) {
      r.skip_reason = "WARC record too large (" + std::to_string(r.bytes) + " bytes; --max-article-mb)";
      archive_read_data_skip(a.get());
      emit(std::move(r));
      continue;
    }
    r.body.resize(r.bytes);
    la_ssize_t got = r.bytes ? archive_read_data(a.get(), r.body.data(), r.body.size()) : 0;
    if (got < 0) {
      r.skip_reason = std::string("cannot read WARC record: ") + archive_error_string(a.get());
      r.body.clear();
      emit(std::move(r));
      if (rc == ARCHIVE_FATAL) return "damaged WARC";
      continue;
    }
    r.body.resize(static_cast<std::size_t>(got));
    SplitHttp(&r);
    r.charset = CharsetFromContentType(r.content_type);
    if (r.skip_reason.empty() && !IsHtmlType(r.content_type))
      r.skip_reason = "WARC record is not HTML (Content-Type " + r.content_type + ")";
    emit(std::move(r));
  }
}

}  // namespace sitrep::html
