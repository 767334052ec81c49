#include "html/cues.h"

#include <algorithm>

#include "core/error.h"
#include "core/resources.h"

namespace sitrep::html {

const ClassCues& ClassCues::Get() {
  static const ClassCues cues = [] {
    ClassCues c;
    int line_no = 0;
    for (std::string_view line : DataLines(Resource("html/cues.tsv"))) {
      ++line_no;
      std::vector<std::string_view> f;
      std::size_t pos = 0;
      while (true) {
        std::size_t tab = line.find('\t', pos);
        f.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
        if (tab == std::string_view::npos) break;
        pos = tab + 1;
      }
      SITREP_CHECK(f.size() == 4 && (f[0] == "negative" || f[0] == "positive") && (f[1] == "token" || f[1] == "part" || f[1] == "word"),
                   ConfigError, "data/html/cues.tsv: malformed entry " + std::to_string(line_no) + ": " + std::string(line));
      int reason = -1;
      if (f[0] == "negative") {
        std::string why(f[3]);
        auto it = std::find(c.reasons_.begin(), c.reasons_.end(), why);
        reason = static_cast<int>(it - c.reasons_.begin());
        if (it == c.reasons_.end()) c.reasons_.push_back(why);
      }
      if (f[1] == "token") c.tokens_.emplace(std::string(f[2]), reason);
      else if (f[1] == "word") c.words_.emplace(std::string(f[2]), reason);
      else c.parts_.push_back({std::string(f[2]), reason});
    }
    return c;
  }();
  return cues;
}

CueMatch ClassCues::Match(std::string_view v) const {
  CueMatch m;
  if (v.empty()) return m;
  int neg = -1;
  auto take = [&](int r) {
    if (r < 0) m.positive = true;
    else if (neg < 0 || r < neg) neg = r;  // the earlier entry in the file wins
  };
  // Tokens: split on non-alphanumerics and at lower-to-upper case changes.
  std::string tok;
  auto flush = [&] {
    if (tok.empty()) return;
    auto it = tokens_.find(tok);
    if (it != tokens_.end()) take(it->second);
    tok.clear();
  };
  std::string lower;
  lower.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    bool up = c >= 'A' && c <= 'Z';
    char l = up ? static_cast<char>(c + 32) : c;
    lower.push_back(l);
    bool alnum = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (!alnum) {
      flush();
      continue;
    }
    if (up && i > 0 && v[i - 1] >= 'a' && v[i - 1] <= 'z') flush();
    tok.push_back(l);
  }
  flush();
  if (!words_.empty()) {
    // Whole words: split on whitespace only.
    std::size_t b = 0;
    while (b < lower.size()) {
      std::size_t e = lower.find_first_of(" \t\n\r\f", b);
      if (e == std::string::npos) e = lower.size();
      if (e > b) {
        auto it = words_.find(lower.substr(b, e - b));
        if (it != words_.end()) take(it->second);
      }
      b = e + 1;
    }
  }
  for (const Entry& e : parts_)
    if (lower.find(e.cue) != std::string::npos) take(e.reason);
  if (neg >= 0) m.negative = &reasons_[static_cast<std::size_t>(neg)];
  return m;
}

}  // namespace sitrep::html
