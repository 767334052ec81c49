// WARC files (web archives): each response or resource record, with its
// target URI, date and HTTP headers split off.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace sitrep::html {

struct WarcRecord {
  std::size_t number = 0;   // 1-based among the records libarchive returns
  std::string uri;          // WARC-Target-URI
  std::string date;         // WARC-Date, ISO 8601
  std::string content_type; // from the HTTP header (or the record for resources), lowercase
  std::string charset;      // from the content type, lowercase
  std::string body;         // the payload after the HTTP header
  std::string skip_reason;  // non-empty: the record cannot be used
  std::uint64_t bytes = 0;  // payload size as stored
};

// Reads the WARC (optionally gzip-compressed) at path and calls emit for
// each response/resource record in order. Records over max_bytes come with
// a skip reason and no body. Returns "" or, when the archive is damaged or
// cannot be opened, the error (records before the damage were emitted).
std::string ReadWarc(const std::string& path, std::uint64_t max_bytes,
                     const std::function<void(WarcRecord&&)>& emit);

// True for a content type that holds a web page.
bool IsHtmlType(const std::string& content_type);

}  // namespace sitrep::html
