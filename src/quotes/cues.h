// The lexicon of attribution cues (data/quotes/cues.tsv) and of words that
// tell a person's gender (data/quotes/gender.tsv).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitrep::quotes {

enum class CueType : std::uint8_t { kSpeech, kThought };

// What a verb cue's reported content may be (bits).
enum CueContent : std::uint16_t {
  kClause = 1,  // a clausal complement
  kTo = 2,      // an infinitive
  kObject = 4,  // a noun phrase object
  kAfter = 8,   // the words after the cue's own words
  kQuestion = 16,  // an indirect question ("asked if/whether X", "wondered why X")
  kGerund = 32,    // a gerund clause ("reported spending $1 million", "denied taking it")
  kProForm = 64,   // a word standing for a clause ("said so", "said no", "say the same of X")
  kHearer = 128,   // the noun phrase right after the verb is the one spoken to ("told the crowd that X")
  kAct = 256,      // a verbless object is what the act concerns, not content ("declared a state of emergency")
  kNaming = 512,   // an object is content only with what it is called ("called the plan a disgrace", not "called a strike")
};

class CueLexicon {
 public:
  // A verb cue: the lemma, then words that must follow it and belong to
  // the cue ("of" in "speak of", "reporters" in "tell reporters").
  struct VerbCue {
    std::vector<std::string> rest;
    CueType type = CueType::kSpeech;
    std::uint16_t content = kClause | kTo;  // CueContent bits
  };
  // A fixed phrase whose object is the source ("according to").
  struct Phrase {
    std::vector<std::string> words;
    CueType type = CueType::kSpeech;
  };

  // Parses the two files' contents. Throws (SITREP_THROW) on a malformed
  // line, naming the file and line.
  // roles_tsv (data/gazetteer/roles.tsv) gives the nouns that name a
  // person (the last word of each role: "ambassador", "official").
  static std::unique_ptr<CueLexicon> Parse(std::string_view cues_tsv, std::string_view gender_tsv,
                                           std::string_view roles_tsv = {});

  // The cues whose verb is `lemma` (lower case), longest first, or null.
  const std::vector<VerbCue>* Verb(std::string_view lemma) const;
  const std::vector<Phrase>& phrases() const { return phrases_; }

  // True if the lower-case word opens a headline's label that is a
  // heading, not a source ("breaking" in "Breaking: ...").
  bool HeadingLabel(std::string_view word) const { return headings_.count(std::string(word)) != 0; }

  // True if the verb lemma's noun of the same spelling names no saying
  // ("state" the polity, not a statement), so "the state to X" or "states
  // that X" are no cue.
  bool OtherNoun(std::string_view lemma) const { return other_nouns_.count(std::string(lemma)) != 0; }
  // True for a noun with which a text refers back to an organisation it
  // named ("the group said"): cues.tsv "body-noun" lines.
  bool BodyNoun(std::string_view lemma) const { return body_nouns_.count(std::string(lemma)) != 0; }

  // 'm' or 'f' for a word that marks gender ("Mr", "spokeswoman"), else 0.
  // Case and a final full stop are ignored.
  char Gender(std::string_view word) const;

  // True if the lower-case noun (a lemma) names a person by role or
  // gender: "ambassador", "spokeswoman", "official".
  bool PersonNoun(std::string_view lemma) const;

  // Adds first names with their gender (`name TAB m|f` lines,
  // data/quotes/first_name_gender.tsv). Throws ConfigError on a malformed
  // line, naming the file and line.
  void AddFirstNameGenders(std::string_view tsv);
  // 'm' or 'f' for a first name written as listed ("Ana"), else 0.
  char FirstNameGender(std::string_view name) const;

 private:
  std::unordered_map<std::string, std::vector<VerbCue>> verbs_;
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, bool> headings_;
  std::unordered_map<std::string, bool> other_nouns_;
  std::unordered_map<std::string, bool> body_nouns_;
  std::unordered_map<std::string, char> gender_;
  std::unordered_map<std::string, bool> person_nouns_;
  std::unordered_map<std::string, char> first_name_gender_;
};

}  // namespace sitrep::quotes
