// Lexicons the tokenizer and sentence splitter consult.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/string_table.h"

namespace sitrep::text {

enum class AbbrevClass { kNone, kTitle, kDate, kOther, kNumber, kPlace };

class Lexicon {
 public:
  // Loads data/text/abbreviations.txt, sentence_starters.txt and
  // speech_tags.txt.
  // Throws ConfigError on a malformed line.
  static Lexicon Load();

  // The class of `word` (which ends in '.'), kNone if it is not a known
  // abbreviation.
  AbbrevClass Abbreviation(std::string_view word) const;

  // True if `word` usually starts a sentence ("The", "He", ...).
  bool IsSentenceStarter(std::string_view word) const { return starters_.Contains(word); }

  // True if `word` (as written, lower case) is a verb of saying that
  // follows a quote and its speaker ("said", "asked"; data/text/speech_tags.txt).
  bool IsSpeechTag(std::string_view word) const { return speech_tags_.Contains(word); }

 private:
  // Looked up by string_view, for every word before a full stop.
  StringTable<AbbrevClass> abbreviations_;  // lowercased
  StringTable<std::uint8_t> starters_;      // a set: the values are unused
  StringTable<std::uint8_t> speech_tags_;   // a set too
};

}  // namespace sitrep::text
