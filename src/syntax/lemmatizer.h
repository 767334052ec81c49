// Lemmatizer: a lexicon of (form, XPOS) -> lemma learned from a treebank,
// plus suffix rewrite rules (strip k bytes, append a string) learned per
// XPOS from the same data for words the lexicon has never seen. Of the
// rules whose suffix fits an unseen word, the longest one that yields a
// lemma the treebank knows wins ("smelled": "smell", not "smel").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/conllu.h"

namespace sitrep::syntax {

class Lemmatizer {
 public:
  static std::unique_ptr<Lemmatizer> Load(std::string_view bytes, const std::string& name);
  std::string Save() const;

  // Writes the lemma of `form` tagged `xpos` (and `upos`) into *out.
  // Always produces something: the form itself when nothing applies.
  // Time linear in the form's length.
  void Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos, std::string* out,
                 std::string& scratch) const;

  // Learns lexicon and rules from treebank sentences.
  static std::unique_ptr<Lemmatizer> Train(const std::vector<ConllSentence>& train);

 private:
  struct Rule {
    std::uint32_t strip;
    std::uint32_t append;  // index into strings_
  };
  static std::uint64_t Key(std::string_view form, std::string_view xpos, std::uint64_t seed);
  bool Known(std::string_view lemma) const;

  std::vector<std::string> strings_;                     // lemma and suffix strings
  std::unordered_map<std::uint64_t, std::uint32_t> exact_;  // (form, xpos) -> strings_ index
  std::unordered_map<std::uint64_t, std::uint32_t> lower_;  // (lowercased form, xpos) -> strings_ index
  std::unordered_map<std::uint64_t, std::uint32_t> by_upos_;  // (lowercased form, upos) -> strings_ index
  std::unordered_map<std::uint64_t, Rule> rules_;         // (xpos, lowercased suffix) -> rule
  std::vector<std::uint64_t> known_;  // sorted hashes of the lowercased lemmas seen in training
};

}  // namespace sitrep::syntax
