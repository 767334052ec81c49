#include "text/tone.h"

#include <charconv>

#include "core/error.h"
#include "core/resources.h"
#include "core/utf8.h"
#include "text/chars.h"

namespace sitrep::text {
namespace {

// Longest token looked up; longer tokens are never rated (the lexicon's
// longest word is far shorter), which keeps the folding buffer on the stack.
constexpr std::size_t kMaxWord = 48;

// ASCII lower case, with the typographic apostrophe (U+2019) as "'", so
// "Don’t" and "n’t" find "don't" and "n't". Returns false for a word too
// long to be in the lexicon.
bool Fold(std::string_view w, char* buf, std::size_t* n) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (k >= kMaxWord) return false;
    char c = w[i];
    if (c == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80' && w[i + 2] == '\x99') {
      buf[k++] = '\'';
      i += 2;
      continue;
    }
    buf[k++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  *n = k;
  return true;
}

bool HasLetterOrDigit(std::string_view w) {
  for (std::size_t i = 0; i < w.size();) {
    const char32_t c = utf8::Decode(w, i);
    if (IsAlnum(c)) return true;
  }
  return false;
}

// Parts of speech that can carry a feeling; function words ("like" as a
// preposition, "no" as a determiner) and names cannot.
bool ContentWord(std::string_view upos) {
  return upos.empty() || upos == "NOUN" || upos == "VERB" || upos == "ADJ" || upos == "ADV" || upos == "INTJ";
}

}  // namespace

ToneLexicon ToneLexicon::FromText(std::string_view words, std::string_view negators) {
  ToneLexicon lex;
  for (std::string_view line : DataLines(words)) {
    std::size_t tab = line.find('\t');
    SITREP_CHECK(tab != std::string_view::npos && tab > 0, ConfigError,
                 "data/text/tone.tsv: line without a word and a tab: " << line);
    std::string_view word = line.substr(0, tab), score = line.substr(tab + 1);
    int v = 0;
    auto [end, ec] = std::from_chars(score.data(), score.data() + score.size(), v);
    SITREP_CHECK(ec == std::errc() && end == score.data() + score.size() && v >= -5 && v <= 5, ConfigError,
                 "data/text/tone.tsv: bad valence '" << score << "' for '" << word << "'");
    SITREP_CHECK(word.size() <= kMaxWord, ConfigError, "data/text/tone.tsv: word too long: " << word);
    if (v == 0) continue;
    char buf[kMaxWord];
    std::size_t n = 0;
    Fold(word, buf, &n);
    lex.polarity_[std::string(buf, n)] = static_cast<std::int8_t>(v > 0 ? 1 : -1);
    if (n > lex.longest_) lex.longest_ = n;
  }
  for (std::string_view line : DataLines(negators)) {
    char buf[kMaxWord];
    std::size_t n = 0;
    SITREP_CHECK(Fold(line, buf, &n), ConfigError, "data/text/tone_negators.txt: word too long: " << line);
    lex.negators_.insert(std::string(buf, n));
  }
  return lex;
}

ToneLexicon ToneLexicon::Load() { return FromText(Resource("text/tone.tsv"), Resource("text/tone_negators.txt")); }

const ToneLexicon& ToneLexicon::Default() {
  static const ToneLexicon lexicon = Load();
  return lexicon;
}

int ToneLexicon::Polarity(std::string_view word) const {
  if (word.size() > longest_ + 2) return 0;  // +2: a typographic apostrophe folds 3 bytes into 1
  char buf[kMaxWord];
  std::size_t n = 0;
  if (!Fold(word, buf, &n)) return 0;
  auto it = polarity_.find(std::string_view(buf, n));
  return it == polarity_.end() ? 0 : it->second;
}

bool ToneLexicon::IsNegator(std::string_view word) const {
  if (word.size() > 12) return false;
  char buf[kMaxWord];
  std::size_t n = 0;
  if (!Fold(word, buf, &n)) return false;
  return negators_.find(std::string_view(buf, n)) != negators_.end();
}

ToneCounts ScoreTone(const Article& a, const ToneLexicon& lexicon) {
  ToneCounts c;
  // Mentions come in text order; one cursor walks them beside the tokens.
  std::size_t m = 0;
  for (const Sentence& s : a.sentences) {
    if (s.end_token > a.tokens.size()) break;
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = a.tokens[i];
      std::string_view w = a.TokenText(t);
      if (!HasLetterOrDigit(w)) continue;
      ++c.words;
      while (m < a.mentions.size() && a.mentions[m].end <= t.begin) ++m;
      if (m < a.mentions.size() && a.mentions[m].begin <= t.begin) continue;  // inside a name
      if (!ContentWord(t.upos)) continue;
      int p = lexicon.Polarity(w);
      if (p == 0) continue;
      bool negated = (i >= s.first_token + 1 && lexicon.IsNegator(a.TokenText(a.tokens[i - 1]))) ||
                     (i >= s.first_token + 2 && lexicon.IsNegator(a.TokenText(a.tokens[i - 2])));
      if (negated) p = -p;
      if (p > 0) ++c.positive; else ++c.negative;
    }
  }
  return c;
}

ToneStage::ToneStage() : lexicon_(ToneLexicon::Default()) {}

void ToneStage::Process(Article& article, StageScratch*) const { article.tone = ScoreTone(article, lexicon_); }

}  // namespace sitrep::text
