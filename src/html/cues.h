// The class/id cue lexicon (data/html/cues.tsv).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitrep::html {

struct CueMatch {
  bool positive = false;
  const std::string* negative = nullptr;  // the reason, or null
};

class ClassCues {
 public:
  // Loads data/html/cues.tsv once; throws ConfigError naming the line of a
  // malformed entry.
  static const ClassCues& Get();

  // Matches one class or id attribute value.
  CueMatch Match(std::string_view value) const;

 private:
  struct Entry {
    std::string cue;
    int reason;  // index into reasons_, -1 for positive
  };
  std::vector<std::string> reasons_;
  std::unordered_map<std::string, int> tokens_;  // token -> reason index (-1 positive)
  std::unordered_map<std::string, int> words_;   // whole class word -> reason index
  std::vector<Entry> parts_;
};

}  // namespace sitrep::html
