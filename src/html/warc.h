// WARC files (web archives, ISO 28500): each record with its type, target
// URI, date and, for HTTP responses, the headers split off.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace sitrep::html {

struct WarcRecord {
  std::size_t number = 0;   // 1-based position in the file
  std::string type;         // WARC-Type: response, resource, request, metadata, ...
  std::string uri;          // WARC-Target-URI
  std::string date;         // WARC-Date, ISO 8601
  std::string content_type; // of the page: from the HTTP header, or the record's for resources; lowercase
  std::string charset;      // from the content type, lowercase
  std::string body;         // the page bytes after the HTTP header
  std::string skip_reason;  // non-empty: the record is not a page sitrep can read
  std::uint64_t bytes = 0;  // the record's block size
};

// Reads a WARC from `read` (which fills a buffer and returns the count, 0 at
// the end, -1 on error; decompression is the caller's) and calls emit for
// every record in order. Records that are not HTML pages come with a skip
// reason; records over max_bytes too, without their body. Returns "" or
// the error that stopped the reading (records before it were emitted).
std::string ReadWarc(const std::function<long(char*, std::size_t)>& read, std::uint64_t max_bytes,
                     const std::function<void(WarcRecord&&)>& emit);

// True for a content type that holds a web page.
bool IsHtmlType(const std::string& content_type);

}  // namespace sitrep::html
