// The events coder's knowledge, loaded from data/events/ (internal header).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "events/events.h"

namespace sitrep::events {

// Heterogeneous lookup, so a string_view lemma finds a std::string key
// without a copy on the hot path.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// One lexicon entry (see the comment lines of data/events/lexicon/*.tsv).
// The code of an entry that codes no event.
inline constexpr std::string_view kNoEvent = "-";

struct Pattern {
  enum class Kind { kVerb, kNoun, kModal };
  Kind kind = Kind::kVerb;
  std::string code;
  std::string modal_class;  // for kModal: intent, threat, appeal, demand, reject, consider
  std::string lemma;
  StringSet obj, subj, mod, xcomp;
  std::string prt, prep;
  bool needs_argument = false;  // modal: only with an object or a governed event
  bool needs_actor = false;     // verb: only when its object is a named or known actor
  bool needs_party = false;     // verb: only with a second party ("with X", "X and Y", "they")
  bool needs_people = false;    // verb: only with a named person as subject and as object, and no "with" phrase
  bool joint = false;           // "X and Y <did it>" is X doing it to Y, whatever the code's flags
  int Specificity() const {
    return (obj.empty() ? 0 : 2) + (subj.empty() ? 0 : 2) + (mod.empty() ? 0 : 2) + (xcomp.empty() ? 0 : 3) +
           (prt.empty() ? 0 : 2) + (prep.empty() ? 0 : 1);
  }
};

class Lexicon {
 public:
  // Loads and checks every file; throws ConfigError naming the file and
  // line on a malformed entry or a code missing from cameo.tsv.
  static std::shared_ptr<const Lexicon> Load();

  // Entries by lemma, most specific first.
  StringMap<std::vector<Pattern>> verbs, nouns;
  // compose[class] = (governed code prefix, result), longest prefix first.
  StringMap<std::vector<std::pair<std::string, std::string>>> compose;
  StringMap<std::string> agents;  // lemma -> agent code (may be empty)
  StringSet speech, light, occur, negation, future, thing, quantity, container, stop, hazard, money, obligation, due, ready, weapon, aim, role,
      site, undergoer;
  const Codebook* codebook = nullptr;

  // The code a modal class gives with a governed event code (empty: none).
  std::string_view Compose(std::string_view modal_class, std::string_view governed) const;
};

}  // namespace sitrep::events
