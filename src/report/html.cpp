#include "report/html.h"

#include "core/utf8.h"

namespace sitrep::report {

void AppendEscaped(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = utf8::Decode(s, i);
    switch (cp) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': *out += "&quot;"; break;
      case '\'': *out += "&#39;"; break;
      default:
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F) cp = utf8::kReplacement;
        utf8::Append(*out, cp);
    }
  }
}

std::string Escape(std::string_view s) {
  std::string out;
  AppendEscaped(s, &out);
  return out;
}

std::string Shorten(std::string_view s, std::size_t max_chars) {
  std::size_t i = 0, count = 0, last_space = std::string_view::npos;
  while (i < s.size() && count < max_chars) {
    if (s[i] == ' ') last_space = i;
    utf8::Decode(s, i);
    ++count;
  }
  if (i >= s.size()) return std::string(s);
  std::size_t cut = (last_space != std::string_view::npos && last_space > i / 2) ? last_space : i;
  return std::string(s.substr(0, cut)) + "\u2026";
}

}  // namespace sitrep::report
