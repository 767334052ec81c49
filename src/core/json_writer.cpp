#include "core/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace sitrep {

void JsonWriter::Key(std::string_view key) {
  Sep();
  out_.push_back('"');
  Escape(out_, key);
  out_.append("\":");
  after_key_ = true;
}

void JsonWriter::Escape(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the pending run of plain bytes
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Skip eight plain ASCII bytes at a time: no control byte, no quote,
    // no backslash, no byte >= 0x80 (which might start U+2028).
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
      std::uint64_t ctrl = (w - kOnes * 0x20) & ~w;                 // bytes < 0x20
      std::uint64_t quote = w ^ (kOnes * '"');
      std::uint64_t slash = w ^ (kOnes * '\\');
      std::uint64_t has = ctrl | ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) | w;
      if (has & kHigh) break;
      i += 8;
    }
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      // U+2028 and U+2029 are legal JSON but break JavaScript parsers
      // that read JSONL line by line; escape them.
      if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xA8) {
        out.append(s.data() + run, i - run);
        out.append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
        i += 2;
        run = i + 1;
      }
      continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s.data() + run, s.size() - run);
}

void JsonWriter::String(std::string_view s) {
  Sep();
  out_.push_back('"');
  Escape(out_, s);
  out_.push_back('"');
}

// std::to_chars, not snprintf: every sentence span is two integers, and
// the format-string machinery cost more than the rest of the article's
// serialisation. Same digits (plain decimal, '-' for negatives).
void JsonWriter::Int(std::int64_t v) {
  Sep();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::UInt(std::uint64_t v) {
  Sep();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::Double(double v, int digits) {
  if (!std::isfinite(v)) {
    Null();
    return;
  }
  Sep();
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string_view s(buf, static_cast<std::size_t>(n));
  if (s.find('.') != std::string_view::npos) {
    while (s.back() == '0') s.remove_suffix(1);
    if (s.back() == '.') s.remove_suffix(1);
  }
  if (s == "-0") s = "0";
  out_.append(s);
}

void JsonWriter::Bool(bool v) {
  Sep();
  out_.append(v ? "true" : "false");
}

void JsonWriter::Null() {
  Sep();
  out_.append("null");
}

void JsonWriter::Raw(std::string_view json) {
  Sep();
  out_.append(json);
}

}  // namespace sitrep
