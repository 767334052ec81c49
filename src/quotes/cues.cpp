#include "quotes/cues.h"

#include <algorithm>

#include "core/error.h"
#include "core/resources.h"
#include "quotes/quotes.h"

namespace sitrep::quotes {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(Lower(s.substr(i, j - i)));
    i = j;
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  for (;;) {
    std::size_t t = line.find('\t', i);
    out.push_back(line.substr(i, t == std::string_view::npos ? std::string_view::npos : t - i));
    if (t == std::string_view::npos) break;
    i = t + 1;
  }
  return out;
}

}  // namespace

std::unique_ptr<CueLexicon> CueLexicon::Parse(std::string_view cues_tsv, std::string_view gender_tsv,
                                              std::string_view roles_tsv) {
  auto lex = std::make_unique<CueLexicon>();
  std::size_t line_no = 0;
  for (std::string_view line : DataLines(cues_tsv)) {
    ++line_no;
    auto f = Split(line);
    if (!f.empty() && f[0] == "heading") {
      if (f.size() != 2) SITREP_THROW(ConfigError, "data/quotes/cues.tsv: entry " << line_no << " must be heading<TAB>WORD");
      lex->headings_[Lower(f[1])] = true;
      continue;
    }
    if (!f.empty() && f[0] == "body-noun") {
      if (f.size() != 2) SITREP_THROW(ConfigError, "data/quotes/cues.tsv: entry " << line_no << " must be body-noun<TAB>WORD");
      lex->body_nouns_[Lower(f[1])] = true;
      continue;
    }
    if (!f.empty() && f[0] == "other-noun") {
      if (f.size() != 2) SITREP_THROW(ConfigError, "data/quotes/cues.tsv: entry " << line_no << " must be other-noun<TAB>WORD");
      lex->other_nouns_[Lower(f[1])] = true;
      continue;
    }
    if (f.size() != 3 && f.size() != 4) {
      SITREP_THROW(ConfigError, "data/quotes/cues.tsv: entry " << line_no << " needs 3 or 4 columns: " << line);
    }
    CueType type;
    if (f[2] == "speech") {
      type = CueType::kSpeech;
    } else if (f[2] == "thought") {
      type = CueType::kThought;
    } else {
      SITREP_THROW(ConfigError, "data/quotes/cues.tsv: entry " << line_no << ": unknown type " << f[2]);
    }
    std::vector<std::string> words = Words(f[1]);
    if (words.empty()) SITREP_THROW(ConfigError, "data/quotes/cues.tsv: entry " << line_no << " has no words");
    if (f[0] == "verb") {
      VerbCue cue;
      cue.rest.assign(words.begin() + 1, words.end());
      cue.type = type;
      if (type == CueType::kThought) cue.content = kClause;
      if (f.size() == 4) {
        cue.content = 0;
        std::string list(f[3]);
        for (char& c : list) c = c == ',' ? ' ' : c;
        for (const std::string& w : Words(list)) {
          if (w == "clause") cue.content |= kClause;
          else if (w == "to") cue.content |= kTo;
          else if (w == "object") cue.content |= kObject;
          else if (w == "after") cue.content |= kAfter;
          else if (w == "question") cue.content |= kQuestion;
          else if (w == "gerund") cue.content |= kGerund;
          else if (w == "proform") cue.content |= kProForm;
          else if (w == "hearer") cue.content |= kHearer;
          else if (w == "act") cue.content |= kAct;
          else if (w == "naming") cue.content |= kNaming;
          else SITREP_THROW(ConfigError, "data/quotes/cues.tsv: entry " << line_no << ": unknown content " << w);
        }
      }
      lex->verbs_[words[0]].push_back(std::move(cue));
    } else if (f[0] == "phrase") {
      lex->phrases_.push_back({std::move(words), type});
    } else {
      SITREP_THROW(ConfigError, "data/quotes/cues.tsv: entry " << line_no << ": unknown form " << f[0]);
    }
  }
  for (auto& [lemma, cues] : lex->verbs_) {
    std::stable_sort(cues.begin(), cues.end(),
                     [](const VerbCue& x, const VerbCue& y) { return x.rest.size() > y.rest.size(); });
  }
  line_no = 0;
  for (std::string_view line : DataLines(gender_tsv)) {
    ++line_no;
    auto f = Split(line);
    if (f.size() != 2 || (f[1] != "m" && f[1] != "f")) {
      SITREP_THROW(ConfigError, "data/quotes/gender.tsv: entry " << line_no << " must be WORD<TAB>m|f: " << line);
    }
    lex->gender_[Lower(f[0])] = f[1][0];
    lex->person_nouns_[Lower(f[0])] = true;
  }
  line_no = 0;
  for (std::string_view line : DataLines(roles_tsv)) {
    ++line_no;
    auto f = Split(line);
    if (f.size() < 2) {
      SITREP_THROW(ConfigError, "data/gazetteer/roles.tsv: entry " << line_no << " needs a kind and a phrase: " << line);
    }
    if (f[0] != "role") continue;
    std::vector<std::string> words = Words(Lower(f[1]));
    if (!words.empty()) lex->person_nouns_[words.back()] = true;
  }
  return lex;
}

bool CueLexicon::PersonNoun(std::string_view lemma) const {
  return person_nouns_.count(std::string(lemma)) != 0;
}

const std::vector<CueLexicon::VerbCue>* CueLexicon::Verb(std::string_view lemma) const {
  auto it = verbs_.find(std::string(lemma));
  return it == verbs_.end() ? nullptr : &it->second;
}

char CueLexicon::Gender(std::string_view word) const {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  auto it = gender_.find(Lower(word));
  return it == gender_.end() ? 0 : it->second;
}

void CueLexicon::AddFirstNameGenders(std::string_view tsv) {
  std::size_t line_no = 0;
  for (std::string_view line : DataLines(tsv)) {
    ++line_no;
    auto f = Split(line);
    if (f.size() != 2 || (f[1] != "m" && f[1] != "f")) {
      SITREP_THROW(ConfigError,
                   "data/quotes/first_name_gender.tsv: entry " << line_no << " must be NAME<TAB>m|f: " << line);
    }
    first_name_gender_[std::string(f[0])] = f[1][0];
  }
}

char CueLexicon::FirstNameGender(std::string_view name) const {
  auto it = first_name_gender_.find(std::string(name));
  return it == first_name_gender_.end() ? 0 : it->second;
}

const CueLexicon& DefaultCueLexicon() {
  static const std::unique_ptr<CueLexicon> lex = [] {
    auto l = CueLexicon::Parse(Resource("quotes/cues.tsv"), Resource("quotes/gender.tsv"), Resource("gazetteer/roles.tsv"));
    if (HasResource("quotes/first_name_gender.tsv")) l->AddFirstNameGenders(Resource("quotes/first_name_gender.tsv"));
    return l;
  }();
  return *lex;
}

}  // namespace sitrep::quotes
