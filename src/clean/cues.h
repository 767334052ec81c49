// The boilerplate cue lexicon (data/clean/cues.tsv) and the metadata label
// lexicon (data/clean/metadata.tsv).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/aho_corasick.h"
#include "core/string_table.h"

namespace sitrep::clean {

struct Cue {
  std::string why;
  bool strong = false;
};

class CueLexicon {
 public:
  // Loads both files; throws ConfigError naming the file and line on a
  // malformed entry.
  static CueLexicon Load();

  // The cue a line matches, given its LineKey and whether it reads like a
  // sentence; nullptr if none. Strong cues match any line, weak cues only
  // lines that do not read like a sentence. Exact cues win over prefix
  // cues, prefix over contains, then lexicon order.
  const Cue* Match(std::string_view key, bool sentence_like) const;

  // Both answers at once, from one pass over the key: the best strong cue,
  // and the best cue of any strength (what a non-sentence line matches).
  struct Hits {
    const Cue* strong = nullptr;
    const Cue* any = nullptr;
  };
  Hits MatchAll(std::string_view key, bool allow_words) const;
  // MatchAll(key, false).strong alone. Only the strong cues' phrases are
  // searched inside the key, so a line that reads like a sentence (for
  // which only strong cues count) costs a smaller scan.
  const Cue* MatchStrong(std::string_view key) const;

  // The metadata field ("source", "date", "byline", "byline_role") a
  // lowercase label names, or "" if none.
  std::string_view LabelField(std::string_view label) const;

  // True for a lowercase word that marks a name as a news outlet's ("news",
  // "courier", "edition").
  bool IsOutletWord(std::string_view lowercase_word) const {
    return outlet_words_.Contains(lowercase_word);
  }
  // True for a lowercase word that, closing a "Source:" value, says who
  // at the outlet wrote it, not the outlet's name ("Lenhall Post
  // reporting", "Kessar Times staff").
  bool IsSourceTail(std::string_view lowercase_word) const { return source_tails_.Contains(lowercase_word); }
  // Company suffixes ("media group", "gmbh"), longest first.
  const std::vector<std::string>& CompanySuffixes() const { return company_suffixes_; }

 private:
  enum class Mode : std::uint8_t { kExact, kPrefix, kContains };
  struct Entry {
    Mode mode;
    Cue cue;
  };
  std::vector<Entry> entries_;  // in lexicon order
  // Exact and prefix cues match at the start of a key and are found by a
  // walk from the start (AhoCorasick::FindPrefixes); contains cues need a
  // scan of the whole key, with all of them or the strong ones only. Each
  // automaton's pattern k is entries_[*_entry_[k]].
  // The contains cues are split by length: the automaton of those of four
  // bytes or more tests sampled offsets before it walks
  // (AhoCorasick::FindAll), and the few shorter ones (the copyright sign)
  // are walked from their first byte's occurrences.
  AhoCorasick anchored_, contains_, short_contains_, strong_contains_;
  std::vector<std::uint32_t> anchored_entry_, contains_entry_, short_contains_entry_, strong_contains_entry_;
  // Ranks the matches in found (of automaton entry_of) into hits: exact <
  // prefix < contains, then lexicon order.
  void Rank(std::string_view key, const std::vector<AhoCorasick::Match>& found,
            const std::vector<std::uint32_t>& entry_of, Hits& hits, std::uint64_t& best_strong,
            std::uint64_t& best_any) const;
  // Ranks into hits the anchored cues of key and those of `contains`
  // (the contains automaton to search, with its entry map).
  void RankAnchoredAnd(std::string_view key, const AhoCorasick& contains,
                       const std::vector<std::uint32_t>& contains_entry, Hits& hits, std::uint64_t& best_strong,
                       std::uint64_t& best_any) const;
  // Looked up by string_view, for every word of the lines at an article's
  // edges.
  StringTable<Cue> words_;
  StringTable<std::string> labels_;
  StringTable<std::uint8_t> outlet_words_;  // a set: the values are unused
  StringTable<std::uint8_t> source_tails_;  // a set: the values are unused
  std::vector<std::string> company_suffixes_;
};

}  // namespace sitrep::clean
