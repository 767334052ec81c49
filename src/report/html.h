// HTML escaping. Every string that comes from an article (titles, quotes,
// names, outlets, even ids) goes through Escape before it reaches the
// page, so a text containing markup shows as text and never runs.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::report {

// Escapes & < > " ' so the result is safe both as element text and inside
// a double- or single-quoted attribute value. Invalid UTF-8 and control
// characters other than tab and newline become U+FFFD, because browsers
// treat a stray NUL or a broken sequence inconsistently.
std::string Escape(std::string_view s);

// Appends Escape(s) to *out (the hot path: no temporary string).
void AppendEscaped(std::string_view s, std::string* out);

// Shortens s to at most max_chars code points at a word boundary when it
// can, adding "…"; a long quote must not stretch a card over the page.
std::string Shorten(std::string_view s, std::size_t max_chars);

}  // namespace sitrep::report
