// Lexicons the tokenizer and sentence splitter consult.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::text {

enum class AbbrevClass { kNone, kTitle, kDate, kOther, kNumber };

class Lexicon {
 public:
  // Loads data/text/abbreviations.txt and data/text/sentence_starters.txt.
  // Throws ConfigError on a malformed line.
  static Lexicon Load();

  // The class of `word` (which ends in '.'), kNone if it is not a known
  // abbreviation.
  AbbrevClass Abbreviation(std::string_view word) const;

  // True if `word` usually starts a sentence ("The", "He", ...).
  bool IsSentenceStarter(std::string_view word) const { return starters_.find(word) != starters_.end(); }

 private:
  // Lookups by string_view, without building a std::string per token.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, AbbrevClass, Hash, std::equal_to<>> abbreviations_;  // lowercased
  std::unordered_set<std::string, Hash, std::equal_to<>> starters_;
};

}  // namespace sitrep::text
