#include "clean/cues.h"

#include <algorithm>

#include "core/error.h"
#include "core/resources.h"

namespace sitrep::clean {

CueLexicon CueLexicon::Load() {
  CueLexicon lex;
  int line_no = 0;
  for (std::string_view line : DataLines(Resource("clean/cues.tsv"))) {
    ++line_no;
    std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    SITREP_CHECK(t1 != std::string_view::npos && t2 != std::string_view::npos, ConfigError,
                 "data/clean/cues.tsv: entry " << line_no << " needs WHY<TAB>MODE<TAB>PATTERN: " << line);
    Cue cue{std::string(line.substr(0, t1)), false};
    std::string mode(line.substr(t1 + 1, t2 - t1 - 1));
    std::string pattern(line.substr(t2 + 1));
    if (!mode.empty() && mode.back() == '!') {
      cue.strong = true;
      mode.pop_back();
    }
    if (mode == "prefix") {
      lex.prefix_.emplace(pattern, cue);
      lex.max_prefix_words_ =
          std::max<std::size_t>(lex.max_prefix_words_, 1 + std::count(pattern.begin(), pattern.end(), ' '));
    } else if (mode == "exact") {
      lex.exact_.emplace(pattern, cue);
    } else if (mode == "contains") {
      lex.contains_.push_back({pattern, cue});
    } else if (mode == "words") {
      lex.words_.emplace(pattern, cue);
    } else {
      SITREP_THROW(ConfigError, "data/clean/cues.tsv: entry " << line_no << " has unknown mode '" << mode << "'");
    }
  }
  // Strong "contains" cues first, so a strong reason wins.
  std::stable_sort(lex.contains_.begin(), lex.contains_.end(),
                   [](const Entry& a, const Entry& b) { return a.cue.strong && !b.cue.strong; });
  for (std::string_view line : DataLines(Resource("clean/metadata.tsv"))) {
    std::size_t t = line.find('\t');
    SITREP_CHECK(t != std::string_view::npos, ConfigError, "data/clean/metadata.tsv: malformed line: " << line);
    std::string field(line.substr(0, t)), value(line.substr(t + 1));
    if (field == "outlet_word") {
      lex.outlet_words_.insert(value);
    } else if (field == "company_suffix") {
      lex.company_suffixes_.push_back(value);
    } else {
      lex.labels_.emplace(value, field);
    }
  }
  std::stable_sort(lex.company_suffixes_.begin(), lex.company_suffixes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return lex;
}

const Cue* CueLexicon::Match(std::string_view key, bool sentence_like) const {
  if (key.empty()) return nullptr;
  auto usable = [&](const Cue& c) { return c.strong || !sentence_like; };
  if (auto it = exact_.find(std::string(key)); it != exact_.end() && usable(it->second)) return &it->second;
  // Prefixes ending at each of the first word boundaries, with and without
  // the punctuation that follows the word ("image caption," -> "image caption").
  std::size_t words = 0, pos = 0;
  while (words < max_prefix_words_) {
    std::size_t sp = key.find(' ', pos);
    std::size_t end = sp == std::string_view::npos ? key.size() : sp;
    std::string prefix(key.substr(0, end));
    if (auto it = prefix_.find(prefix); it != prefix_.end() && usable(it->second)) return &it->second;
    while (!prefix.empty() && (prefix.back() == ',' || prefix.back() == ':' || prefix.back() == ';' ||
                               prefix.back() == '.' || prefix.back() == '-')) {
      prefix.pop_back();
      if (auto it = prefix_.find(prefix); it != prefix_.end() && usable(it->second)) return &it->second;
    }
    ++words;
    if (sp == std::string_view::npos) break;
    pos = sp + 1;
  }
  for (const Entry& e : contains_) {
    if (!usable(e.cue)) {
      if (e.cue.strong) continue;
      break;  // the rest are weak too
    }
    if (key.find(e.pattern) != std::string_view::npos) return &e.cue;
  }
  if (!sentence_like && !words_.empty()) {
    // A line made only of share-button words.
    const Cue* cue = nullptr;
    std::size_t p = 0;
    while (p < key.size()) {
      std::size_t sp = key.find(' ', p);
      if (sp == std::string_view::npos) sp = key.size();
      std::string w(key.substr(p, sp - p));
      while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.back()))) w.pop_back();
      while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.front()))) w.erase(w.begin());
      if (!w.empty()) {
        auto it = words_.find(w);
        if (it == words_.end()) return nullptr;
        cue = &it->second;
      }
      p = sp + 1;
    }
    return cue;
  }
  return nullptr;
}

std::string_view CueLexicon::LabelField(std::string_view label) const {
  auto it = labels_.find(std::string(label));
  return it == labels_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace sitrep::clean
