#include "html/warc.h"

#include <algorithm>
#include <cstdlib>

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

namespace {

// Buffered reading of header lines and exact-size blocks.
class In {
 public:
  explicit In(const std::function<long(char*, std::size_t)>& read) : read_(read) {}

  // A line without its CR LF; false at the end of input.
  bool Line(std::string* line) {
    line->clear();
    for (;;) {
      if (pos_ == len_ && !Fill()) return !line->empty();
      char c = buf_[pos_++];
      if (c == '\n') {
        if (!line->empty() && line->back() == '\r') line->pop_back();
        return true;
      }
      if (line->size() < 65536) line->push_back(c);
    }
  }

  // Appends n bytes to *out (or skips them when out is null); returns the count read.
  std::uint64_t Block(std::uint64_t n, std::string* out) {
    std::uint64_t got = 0;
    while (got < n) {
      if (pos_ == len_ && !Fill()) break;
      std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(n - got, len_ - pos_));
      if (out) out->append(buf_.data() + pos_, k);
      pos_ += k;
      got += k;
    }
    return got;
  }

  bool error() const { return error_; }

 private:
  bool Fill() {
    long n = read_(buf_.data(), buf_.size());
    if (n < 0) error_ = true;
    if (n <= 0) return false;
    pos_ = 0;
    len_ = static_cast<std::size_t>(n);
    return true;
  }
  const std::function<long(char*, std::size_t)>& read_;
  std::string buf_ = std::string(1 << 16, '\0');
  std::size_t pos_ = 0, len_ = 0;
  bool error_ = false;
};

}  // namespace

std::string ReadWarc(const std::function<long(char*, std::size_t)>& read, std::uint64_t max_bytes,
                     const std::function<void(WarcRecord&&)>& emit) {
  In in(read);
  std::string line;
  std::size_t number = 0;
  for (;;) {
    // Skip blank lines between records.
    bool got = false;
    while ((got = in.Line(&line)) && line.empty()) {
    }
    if (!got) return in.error() ? "read error after record " + std::to_string(number) : "";
    if (!line.starts_with("WARC/")) {
      return number == 0 ? std::string("not a WARC file (it does not start with a WARC/1.x header)")
                         : "damaged WARC after record " + std::to_string(number) + " (no WARC/1.x header where one should start)";
    }
    ++number;
    WarcRecord r;
    r.number = number;
    std::int64_t length = -1;
    std::string record_type;
    while (in.Line(&line) && !line.empty()) {
      std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string key = LowerAscii(line.substr(0, colon));
      std::string value = CollapseSpace(line.substr(colon + 1));
      if (key == "warc-type") r.type = LowerAscii(value);
      else if (key == "warc-target-uri") r.uri = value;
      else if (key == "warc-date") r.date = value;
      else if (key == "content-length") length = std::atoll(value.c_str());
      else if (key == "content-type") record_type = LowerAscii(value);
    }
    if (length < 0) return "damaged WARC: record " + std::to_string(number) + " has no Content-Length";
    r.bytes = static_cast<std::uint64_t>(length);
    bool page = r.type == "response" || r.type == "resource";
    bool keep = page && r.bytes <= max_bytes;
    std::uint64_t n = in.Block(r.bytes, keep ? &r.body : nullptr);
    if (n < r.bytes) {
      r.body.clear();
      r.skip_reason = "WARC record cut short (the file ends inside it)";
      emit(std::move(r));
      return "";
    }
    if (!page) {
      r.skip_reason = "WARC " + (r.type.empty() ? std::string("untyped") : r.type) + " record, not a page";
    } else if (!keep) {
      r.skip_reason = "WARC record too large (" + std::to_string(r.bytes) + " bytes; --max-article-mb)";
    } else if (r.type == "response" && record_type.find("application/http") != std::string::npos) {
      SplitHttp(&r);
    } else {
      r.content_type = record_type;
    }
    r.charset = CharsetFromContentType(r.content_type);
    if (r.skip_reason.empty() && !IsHtmlType(r.content_type))
      r.skip_reason = "WARC record is not HTML (Content-Type " + r.content_type + ")";
    if (!r.skip_reason.empty()) r.body.clear();
    emit(std::move(r));
  }
}

}  // namespace sitrep::html
