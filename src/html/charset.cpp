#include "html/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "core/utf8.h"
#include "html/dom.h"

namespace sitrep::html {
namespace {

std::string CleanLabel(std::string_view v) {
  std::size_t b = 0;
  while (b < v.size() && (v[b] == ' ' || v[b] == '"' || v[b] == '\'' || v[b] == '=')) ++b;
  std::size_t e = b;
  while (e < v.size() && (std::isalnum(static_cast<unsigned char>(v[e])) || v[e] == '-' || v[e] == '_' ||
                          v[e] == ':' || v[e] == '.'))
    ++e;
  return LowerAscii(v.substr(b, e - b));
}

bool IsUtf8Label(std::string_view l) { return l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8"; }

// WHATWG Encoding: labels browsers read as a superset.
std::string BrowserLabel(std::string l) {
  if (l == "iso-8859-1" || l == "latin1" || l == "us-ascii" || l == "ascii" || l == "iso8859-1" ||
      l == "l1" || l == "cp1252")
    return "windows-1252";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "chinese") return "gb18030";
  if (l == "iso-8859-9" || l == "latin5") return "windows-1254";
  if (l == "tis-620" || l == "iso-8859-11") return "windows-874";
  if (l == "ks_c_5601-1987" || l == "euc-kr") return "windows-949";
  if (l == "shift_jis" || l == "sjis" || l == "x-sjis") return "windows-31j";
  return l;
}

// Converts with ICU; returns false if the converter is unknown.
bool Convert(std::string_view bytes, const std::string& label, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(label.c_str(), &err);
  if (U_FAILURE(err) || conv == nullptr) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
  std::u16string u16(bytes.size() * 2 + 16, u'\0');
  err = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv, reinterpret_cast<UChar*>(u16.data()), static_cast<int32_t>(u16.size()),
                            bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return false;
  u16.resize(static_cast<std::size_t>(n));
  out->clear();
  out->reserve(u16.size() * 3 / 2);
  for (std::size_t i = 0; i < u16.size(); ++i) {
    char32_t c = u16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u16.size() && u16[i + 1] >= 0xDC00 && u16[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u16[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = utf8::kReplacement;
    }
    utf8::Append(*out, c);
  }
  return true;
}

std::string Detect(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* d = ucsdet_open(&err);
  if (U_FAILURE(err)) return "";
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(d, ucsdet_close);
  std::size_t n = std::min<std::size_t>(bytes.size(), 64 * 1024);
  ucsdet_setText(d, bytes.data(), static_cast<int32_t>(n), &err);
  ucsdet_enableInputFilter(d, true);  // ignore markup
  const UCharsetMatch* m = ucsdet_detect(d, &err);
  if (U_FAILURE(err) || m == nullptr) return "";
  const char* name = ucsdet_getName(m, &err);
  return U_FAILURE(err) || name == nullptr ? "" : LowerAscii(name);
}

}  // namespace

std::string CharsetFromContentType(std::string_view ct) {
  std::string l = LowerAscii(ct);
  std::size_t p = l.find("charset");
  if (p == std::string::npos) return "";
  p += 7;
  while (p < l.size() && (l[p] == ' ' || l[p] == '=')) ++p;
  return CleanLabel(std::string_view(l).substr(p));
}

std::string DeclaredCharset(std::string_view bytes) {
  std::string head = LowerAscii(bytes.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    std::size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    std::size_t c = tag.find("charset");
    if (c != std::string_view::npos) {
      c += 7;
      while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=')) ++c;
      std::string l = CleanLabel(tag.substr(c));
      if (!l.empty()) return l;
    }
    pos = end;
  }
  return "";
}

std::string ToUtf8(std::string_view b, std::string_view header_charset, std::vector<std::string>* warnings) {
  auto u8 = [](std::string_view s) { return s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF"; };
  std::string out;
  if (u8(b)) b.remove_prefix(3);
  else if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xFE) {
    Convert(b.substr(2), "utf-16le", &out);
    return out;
  } else if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE && static_cast<unsigned char>(b[1]) == 0xFF) {
    Convert(b.substr(2), "utf-16be", &out);
    return out;
  }
  std::string label(header_charset);
  if (label.empty()) label = DeclaredCharset(b);
  const bool valid = utf8::IsValid(b);
  if (label.empty() || IsUtf8Label(label) || (valid && utf8::AsciiPrefix(b) == b.size())) {
    if (valid) return std::string(b);
    if (label.empty()) {
      // Undeclared and not UTF-8: a legacy page. Detection is a guess, so say so.
      std::string guess = Detect(b);
      if (!guess.empty() && !IsUtf8Label(guess) && Convert(b, BrowserLabel(guess), &out)) {
        warnings->push_back("no charset declared; detected " + guess);
        return out;
      }
    }
    std::size_t repaired = 0;
    out = utf8::Repair(b, &repaired);
    warnings->push_back("invalid UTF-8: " + std::to_string(repaired) + " byte sequence(s) replaced with U+FFFD");
    return out;
  }
  // Text in a legacy charset with any non-ASCII letter is almost never
  // valid UTF-8 by chance, while pages re-saved or transcoded to UTF-8
  // often keep their old declaration: valid UTF-8 bytes are read as such.
  if (valid) {
    warnings->push_back("charset '" + label + "' declared but the bytes are UTF-8; read as UTF-8");
    return std::string(b);
  }
  if (Convert(b, BrowserLabel(label), &out)) return out;
  warnings->push_back("unknown charset '" + label + "'; read as UTF-8");
  if (valid) return std::string(b);
  std::size_t repaired = 0;
  out = utf8::Repair(b, &repaired);
  warnings->push_back("invalid UTF-8: " + std::to_string(repaired) + " byte sequence(s) replaced with U+FFFD");
  return out;
}

}  // namespace sitrep::html
