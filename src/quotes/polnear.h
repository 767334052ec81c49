// Scoring attributions against PolNeAR (brat standoff: text/NAME.txt and
// attributions/NAME_ANNOTATOR.ann with Source, Cue and Content spans), the
// measure `sitrep eval quotes` reports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "quotes/cues.h"

namespace sitrep::quotes {

struct GoldAttribution {
  std::vector<ByteSpan> content, cue, source;  // byte spans into the document text
  bool speech = false;  // the cue is a verb or phrase of saying (set by Classify)
};

struct GoldDoc {
  std::string name;  // the text file's name without .txt
  std::string text;
  std::vector<GoldAttribution> attributions;
};

// Reads every annotated document under dir (dir/text and dir/attributions;
// a dir holding dev/ reads dev/). When an article was annotated more than
// once, the first annotator's file (in name order) is used. Brat's code
// point offsets become byte offsets. Returns an error naming the file and
// line for anything malformed.
Status ReadPolnear(const std::string& dir, std::vector<GoldDoc>* docs);

// Marks each gold attribution as speech when a token of its cue (in the
// parsed article a, whose text is the document's) has a lemma that the
// lexicon lists as a cue of saying, followed by the words the entry needs
// ("back" of "fire back"), or the cue is a colon or a phrase of saying;
// thoughts and intentions ("believes", "wants") are not speech.
void Classify(const Article& a, const CueLexicon& lexicon, std::vector<GoldAttribution>* gold);

// PolNeAR annotates a quotation that runs on over sentences with one cue
// (“A,” she said. “B.”) as one attribution; sitrep lists the second
// sentence as a quote of its own, with no cue, crediting the previous
// speaker (or the person the sentence before names).
// Returns quotes with each such continuation joined to the quote before
// it (within a paragraph, or opening the next one), the unit that PolNeAR
// scores. A direct quote that shares the cue of the quote before joins it
// too, and so does a mixed quote with the cue of another whose reported
// clause holds its own or lies in it (one quote per quoted fragment of
// "called the plan “reckless” and “doomed”", one attribution). A quote
// that runs on after a participle's act (“A,” she said, referring to X.
// “B.”) joins the quote before that act, which is then nested in it.
std::vector<Quote> AsPolnearUnits(const Article& a, const std::vector<Quote>& quotes);

// Scores found quotes against gold attributions, accumulated over documents.
//  - content, exact: the same words once edge punctuation, quotation
//    marks and spaces are trimmed (extent of all parts);
//  - content, overlap: at least half of each span's word tokens shared;
//  - cue: spans that share a word token;
//  - source accuracy, over content matches (overlap): the found speaker's
//    words, or a mention of the entity it was resolved to, share a token
//    with the gold source; no source is right when gold has none.
// Matching is one to one, greedy by overlap.
class AttributionScorer {
 public:
  // only_speech: score only gold attributions whose cue is speech.
  explicit AttributionScorer(bool only_speech) : only_speech_(only_speech) {}
  // Scores one document; found is the article's quotes as FindQuotes
  // gives them, joined here into PolNeAR's units (AsPolnearUnits).
  void Add(const Article& a, const std::vector<GoldAttribution>& gold, const std::vector<Quote>& found);

  struct Scores {
    std::uint64_t gold = 0, found = 0, exact = 0, overlap = 0, cue_gold = 0, cue_found = 0, cue_match = 0,
                  source_checked = 0, source_right = 0;
    double content_f1() const { return F1(exact, found, gold); }
    double content_f1_overlap() const { return F1(overlap, found, gold); }
    double precision_overlap() const { return found ? double(overlap) / double(found) : 0; }
    double recall_overlap() const { return gold ? double(overlap) / double(gold) : 0; }
    double cue_f1() const { return F1(cue_match, cue_found, cue_gold); }
    double source_accuracy() const { return source_checked ? double(source_right) / double(source_checked) : 0; }
    static double F1(std::uint64_t match, std::uint64_t found, std::uint64_t gold) {
      return found + gold ? 2.0 * double(match) / double(found + gold) : 0;
    }
  };
  const Scores& scores() const { return s_; }

  // When set, Add() appends a line for every gold attribution it did not
  // match ("MISS\tcue\tcontent\tbegin\tend\tpieces"), every quote that
  // matched none ("EXTRA\tkind\tcue\tcontent\tbegin\tend\tspeaker_from")
  // (and, for scripts that measure the precision of a class of quotes,
  // a MATCH line of the same layout for every quote that matched one)
  // and every wrong source ("SOURCE\tgold\tfound\tname\tfrom\tcontent\t
  // kind"); begin and end are the
  // content's byte offsets, for scripts that sort errors by class.
  void ReportErrorsTo(std::vector<std::string>* out) { errors_ = out; }

 private:
  std::vector<std::string>* errors_ = nullptr;
  bool only_speech_;
  Scores s_;
};

}  // namespace sitrep::quotes
