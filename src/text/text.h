// The text stage: Unicode normalisation, language identification, and
// news-aware tokenization and sentence segmentation.
//
// Tokens follow the Universal Dependencies English Web Treebank
// conventions where news needs nothing else: clitics split ("do" "n't",
// "Russia" "'s"), hyphenated words split ("Russia" "-" "Ukraine") except
// after common prefixes ("co-operation", "e-mail"), abbreviations and
// initials keep their full stop ("U.S.", "Gen.", "J."), numbers keep their
// separators ("100,000", "2.5") and lose unit suffixes ("2.5" "bn").
//
// Sentences never cross a line break: the clean stage puts each paragraph
// on its own line, and a headline without a full stop is a sentence.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/stage.h"

namespace sitrep::text {

// Returns s in Unicode NFC with line breaks normalised to "\n", control
// characters (except tab and newline), soft hyphens, zero-width spaces and
// byte-order marks removed, and no-break spaces turned into plain spaces.
// Typographic quotes, apostrophes and dashes are kept. s must be valid
// UTF-8. Pure-ASCII input without special characters is returned as is.
std::string Normalize(std::string_view s);
// The same in place; leaves *s untouched (no copy) when it is already
// normalised.
void NormalizeInPlace(std::string* s);

// Repairs text that was decoded as Windows-1252 or Latin-1 although it was
// UTF-8, and encoded as UTF-8 again ("JuÃ¡rez" -> "Juárez", "donâ€™t" ->
// "don’t"; twice-damaged text too). Only a run of such characters that
// spells one well-formed UTF-8 sequence of a Latin, Greek or Cyrillic
// letter or of common punctuation is replaced, so ordinary accented text
// stays as written. s must be valid UTF-8. Returns how many characters it
// repaired; linear in the length of s, and no copy of pure ASCII.
std::size_t RepairMojibake(std::string* s);

// Returns a BCP 47 language tag ("en", "de", "ru", "zh", ...) for text, or
// "und" when the text is too short or no language clearly wins. Looks at
// the script first (Cyrillic, Arabic, Han, ...) and, for Latin script,
// at frequent function words (data/text/stopwords.tsv). Reads at most the
// first 4,000 bytes.
std::string IdentifyLanguage(std::string_view text);

// The abbreviation and sentence-starter lexicons, loaded once from data/.
class Lexicon;
const Lexicon& DefaultLexicon();

// Appends the tokens of text[begin, end) (one paragraph, no newlines
// expected) to *tokens, with byte offsets into text.
void TokenizeRange(std::string_view text, std::uint32_t begin, std::uint32_t end,
                   const Lexicon& lexicon, std::vector<Token>* tokens);

// Fills article->tokens and article->sentences from article->text,
// replacing what was there. Never fails; a paragraph longer than
// kMaxSentenceTokens tokens without a sentence end is cut into sentences of
// that many tokens (recorded in article->warnings) so later stages stay
// linear. Tokens longer than kLongTokenBytes (a URL, a base64 image or
// minified script left in the text) are kept whole, since every later
// stage reads a token in time linear in its length, and counted in one
// warning, so that an analyst sees what the scraper let through.
inline constexpr std::uint32_t kMaxSentenceTokens = 400;
inline constexpr std::uint32_t kLongTokenBytes = 1000;
void Segment(Article* article, const Lexicon& lexicon = DefaultLexicon());

// The pipeline stage: language identification, then Segment(). Expects
// article.text already normalised by the clean stage.
class TextStage : public Stage {
 public:
  TextStage();
  std::string_view name() const override { return "text"; }
  void Process(Article& article, StageScratch* scratch) const override;

 private:
  const Lexicon& lexicon_;
};

}  // namespace sitrep::text
