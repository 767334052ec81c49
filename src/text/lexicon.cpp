#include "text/lexicon.h"

#include <algorithm>

#include "core/error.h"
#include "core/resources.h"
#include "text/text.h"

namespace sitrep::text {
namespace {
std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
}  // namespace

Lexicon Lexicon::Load() {
  Lexicon lex;
  for (std::string_view line : DataLines(Resource("text/abbreviations.txt"))) {
    std::size_t tab = line.find('\t');
    SITREP_CHECK(tab != std::string_view::npos, ConfigError,
                 "data/text/abbreviations.txt: line without a tab: " << line);
    std::string_view word = line.substr(0, tab), cls = line.substr(tab + 1);
    AbbrevClass c = cls == "title" ? AbbrevClass::kTitle
                    : cls == "date" ? AbbrevClass::kDate
                    : cls == "other" ? AbbrevClass::kOther
                    : cls == "number" ? AbbrevClass::kNumber
                    : cls == "place" ? AbbrevClass::kPlace
                                     : AbbrevClass::kNone;
    SITREP_CHECK(c != AbbrevClass::kNone, ConfigError,
                 "data/text/abbreviations.txt: unknown class '" << cls << "'");
    lex.abbreviations_[Lower(word)] = c;
  }
  for (std::string_view line : DataLines(Resource("text/sentence_starters.txt"))) {
    lex.starters_.Emplace(line, 1);
  }
  for (std::string_view line : DataLines(Resource("text/speech_tags.txt"))) lex.speech_tags_.Emplace(line, 1);
  return lex;
}

AbbrevClass Lexicon::Abbreviation(std::string_view word) const {
  if (word.size() > 12) return AbbrevClass::kNone;
  char lower[12] = {};
  for (std::size_t i = 0; i < word.size(); ++i) {
    // ASCII lowercasing, as std::tolower does in the C locale, inline.
    const char c = word[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  const AbbrevClass* cls = abbreviations_.Find(std::string_view(lower, word.size()));
  return cls ? *cls : AbbrevClass::kNone;
}

const Lexicon& DefaultLexicon() {
  static const Lexicon lexicon = Lexicon::Load();
  return lexicon;
}

}  // namespace sitrep::text
