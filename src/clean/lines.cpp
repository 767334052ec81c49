#include "clean/lines.h"

#include "core/utf8.h"
#include "text/chars.h"

namespace sitrep::clean {

using text::IsAlnum;
using text::IsAlpha;
using text::IsClosing;
using text::IsDigit;
using text::IsLower;
using text::IsUpper;

namespace {
bool IsBulletChar(char32_t c) {
  return c == '-' || c == '*' || c == 0x2022 || c == 0x00B7 || c == 0x2013 || c == 0x2014 ||
         c == 0x25CF || c == 0x25AA || c == 0x25BA || c == 0x2023 || c == '>' || c == 0x203A ||
         c == 0x00BB;
}
}  // namespace

std::string LineKey(std::string_view line) {
  std::string key;
  key.reserve(line.size());
  std::size_t i = 0;
  bool pending_space = false;
  while (i < line.size()) {
    char32_t c = utf8::Decode(line, i);
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`') c = '\'';
    if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB) c = '"';
    if (text::IsSpace(c)) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    utf8::Append(key, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  }
  // Drop leading bullets and surrounding punctuation.
  std::size_t b = 0, e = key.size();
  while (b < e) {
    std::size_t k = b;
    char32_t c = utf8::Decode(key, k);
    if (IsAlnum(c) || c == 0x00A9) break;  // keep the copyright sign
    b = k;
  }
  while (e > b) {
    std::size_t k = e - 1;
    while (k > b && !utf8::IsLead(static_cast<unsigned char>(key[k]))) --k;
    std::size_t kk = k;
    char32_t c = utf8::Decode(key, kk);
    if (IsAlnum(c)) break;
    e = k;
  }
  std::string out = key.substr(b, e - b);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

LineFeatures Features(std::string_view line) {
  LineFeatures f;
  std::size_t i = 0;
  bool in_word = false, first_letter_seen = false;
  char32_t last = 0, last_non_closing = 0;
  bool first_char = true;
  while (i < line.size()) {
    char32_t c = utf8::Decode(line, i);
    if (first_char && !text::IsSpace(c)) {
      first_char = false;
      if (IsBulletChar(c) && i < line.size() && line[i] == ' ') f.bullet = true;
    }
    if (text::IsSpace(c)) {
      in_word = false;
      continue;
    }
    last = c;
    if (!IsClosing(c) || c == ')') last_non_closing = c;
    if (IsAlpha(c) || IsDigit(c)) {
      if (IsAlpha(c)) ++f.letters;
      if (!in_word) {
        ++f.words;
        if (IsLower(c)) ++f.lower_words;
        if (IsUpper(c)) ++f.cap_words;
        if (!first_letter_seen) {
          first_letter_seen = true;
          f.starts_upper = IsUpper(c) || IsDigit(c);
        }
      }
      in_word = true;
    } else if (!text::IsApostrophe(c) && c != '-' && c != '.' && c != ',') {
      in_word = false;
    }
  }
  (void)last;
  f.only_punct = f.words == 0;
  f.ends_terminal = last_non_closing == '.' || last_non_closing == '!' || last_non_closing == '?' ||
                    last_non_closing == 0x2026;
  f.ends_colon = last_non_closing == ':';
  f.url = line.find("http://") != std::string_view::npos || line.find("https://") != std::string_view::npos ||
          line.find("www.") != std::string_view::npos;
  double lower_ratio = f.words ? static_cast<double>(f.lower_words) / f.words : 0.0;
  if (f.ends_terminal && f.words >= 2 && f.lower_words >= 1 && f.starts_upper) {
    f.sentence_like = true;
  } else if (f.ends_terminal && f.words >= 5 && lower_ratio >= 0.5) {
    f.sentence_like = true;  // starts with a lowercase word or a number
  } else if (f.ends_colon && f.words >= 5 && lower_ratio >= 0.5) {
    f.sentence_like = true;  // "The demands included:"
  } else if (f.words >= 16 && lower_ratio >= 0.5) {
    f.sentence_like = true;  // prose that lost its final stop
  }
  return f;
}

}  // namespace sitrep::clean
