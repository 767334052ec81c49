// Character encodings of web pages: the charset from the HTTP header, a
// <meta> tag or detection, and conversion to UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::html {

// The charset a page declares in its first bytes (<meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">), lowercase,
// or "" if none.
std::string DeclaredCharset(std::string_view bytes);

// The charset parameter of an HTTP Content-Type value, lowercase, or "".
std::string CharsetFromContentType(std::string_view content_type);

// Converts page bytes to valid UTF-8. Order of evidence: a byte-order mark,
// then `header_charset` (from HTTP, may be empty), then the page's own
// declaration, then detection when the bytes are not valid UTF-8. Anything
// a user should know (a detected or unknown charset, repaired bytes) is
// appended to *warnings. Never fails: undecodable bytes become U+FFFD.
std::string ToUtf8(std::string_view bytes, std::string_view header_charset, std::vector<std::string>* warnings);

}  // namespace sitrep::html
