// Quotes: who said what. Finds direct quotes (in every common quotation
// mark style, split by their cue or running over paragraphs), mixed quotes
// (a quoted fragment inside the reporter's sentence) and reported speech
// without marks, and credits each to its speaker: a named entity, a
// pronoun resolved to an earlier name, the previous quote's speaker, or an
// unnamed source kept as written ("one European diplomat").
//
// Runs after the syntax and entities stages: cues are found by lemma and
// dependency relation, speakers through the cue's subject and the
// article's mentions. Scare quotes (a short quoted phrase that no cue
// governs) are not quotations and are left out.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/stage.h"

namespace sitrep::quotes {

// One top-level quotation as the marks delimit it: the inner text of each
// part (without the marks), in order. A quote that runs over paragraphs
// (an opening mark on each, a closing mark only on the last) has one part
// per paragraph.
struct MarkedQuote {
  std::vector<ByteSpan> parts;
  std::uint32_t open = 0;       // byte offset of the first opening mark
  std::uint32_t close_end = 0;  // byte offset just after the closing mark
  bool single = false;          // delimited by single marks (‘ ’ or ')
};

// Returns the top-level quotations of text in order. Handles “ ” „ “ « »
// ‘ ’, straight double and single quotes, and two apostrophes (or ``) as
// a double mark, tells apostrophes ("don’t",
// "the states’") from closing single quotes, keeps nested quotes inside
// their outer quote, and continues a quote over a paragraph break when the
// next paragraph opens with a mark of the same kind. A mark left open at a
// paragraph end that is not continued is dropped, never guessed at.
// Linear in text.size().
std::vector<MarkedQuote> ScanQuoteMarks(std::string_view text);

class CueLexicon;

// Loads data/quotes/cues.tsv and data/quotes/gender.tsv once; throws (at
// load time) if a file is malformed.
const CueLexicon& DefaultCueLexicon();

struct QuoteOptions {
  // Also report attributions of thoughts and intentions ("X believes
  // that ..."). The pipeline reports speech only; the evaluation turns
  // this on to score against corpora that annotate both.
  bool include_thoughts = false;
};

// Fills article.quotes (replacing it) from the article's tokens, parse and
// mentions. Never throws.
void FindQuotes(Article& article, const CueLexicon& lexicon, const QuoteOptions& options = {});

class QuotesStage : public Stage {
 public:
  explicit QuotesStage(QuoteOptions options = {});
  std::string_view name() const override { return "quotes"; }
  void Process(Article& article, StageScratch* scratch) const override;

 private:
  const CueLexicon& lexicon_;
  QuoteOptions options_;
};

}  // namespace sitrep::quotes
