// CoNLL-U (Universal Dependencies) reading and writing.
//
// The reader keeps what training and evaluation need: the syntactic words
// (multiword-token ranges are kept separately, empty nodes are dropped),
// and the `# text`, `# newdoc` and `# newpar` comments that let
// `eval parser --tokenize` rebuild the raw text.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace sitrep::syntax {

struct ConllWord {
  std::string form, lemma, upos, xpos, feats;
  int head = 0;  // 1-based; 0 = root
  std::string deprel, misc;
};

// A multiword token such as "don't" = "do" + "n't" (1-based word range).
struct ConllMultiword {
  int first = 0, last = 0;
  std::string form, misc;
};

struct ConllSentence {
  std::vector<ConllWord> words;
  std::vector<ConllMultiword> multiwords;
  std::string text;  // the `# text =` comment, empty if absent
  std::string sent_id;
  bool new_doc = false;
  bool new_par = false;
};

// Parses CoNLL-U. Returns false and sets *error to "line N: why" on a
// malformed line; `sentences` then holds the sentences read so far.
bool ParseConllu(std::string_view data, std::vector<ConllSentence>* sentences, std::string* error);

// Reads a CoNLL-U file; throws ConfigError naming the file (and line) when
// it cannot be read or parsed.
std::vector<ConllSentence> ReadConlluFile(const std::string& path);

// Writes the sentences of an analysed article as CoNLL-U (one block per
// sentence, `# text` comments, SpaceAfter=No in MISC). Unfilled fields are
// written as "_".
void WriteConllu(const Article& article, std::ostream& out);

// Writes sentence `index` of an analysed article as one CoNLL-U block.
void WriteConlluSentence(const Article& article, std::size_t index, std::ostream& out);

// Writes sentences read by ParseConllu back out (used by tests).
void WriteConllu(const std::vector<ConllSentence>& sentences, std::ostream& out);

// One article holding every gold sentence, with the gold tokens as given
// (forms separated by a space, sentences by a newline): for scoring the
// syntax stage on gold tokenization.
Article ArticleFromGold(const std::vector<ConllSentence>& gold);

}  // namespace sitrep::syntax
