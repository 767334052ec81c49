#include "events/lexicon.h"

#include <algorithm>

#include "core/error.h"
#include "core/resources.h"

namespace sitrep::events {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t t = s.find(sep, start);
    std::string_view part = s.substr(start, t == std::string_view::npos ? std::string_view::npos : t - start);
    if (!part.empty()) out.push_back(part);
    if (t == std::string_view::npos) break;
    start = t + 1;
  }
  return out;
}

StringSet SetOf(std::string_view alternatives) {
  StringSet out;
  for (auto a : Split(alternatives, '|')) out.emplace(a);
  return out;
}

void ParsePattern(const std::string& file, std::size_t no, std::string_view code, std::string_view spec,
                  const Codebook& cb, Lexicon* lex) {
  auto fail = [&](const std::string& why) {
    SITREP_THROW(ConfigError, "events/" << file << ":" << no << ": " << why);
  };
  // "-": the most specific reading of a verb that codes no event ("signed
  // a decree" is no agreement), so no less specific entry codes it either.
  if (code != kNoEvent && !cb.Find(code)) fail("code " + std::string(code) + " is not in events/cameo.tsv");
  auto words = Split(spec, ' ');
  if (words.size() < 2) fail("expected a pattern such as \"v attack\"");
  Pattern p;
  p.code = std::string(code);
  std::size_t i = 1;
  if (words[0] == "v") {
    p.kind = Pattern::Kind::kVerb;
  } else if (words[0] == "n") {
    p.kind = Pattern::Kind::kNoun;
  } else if (words[0] == "m") {
    p.kind = Pattern::Kind::kModal;
    p.modal_class = std::string(words[1]);
    ++i;
    if (i >= words.size()) fail("modal pattern without a lemma");
  } else {
    fail("pattern kind must be v, n or m");
  }
  p.lemma = std::string(words[i++]);
  for (; i < words.size(); ++i) {
    std::string_view w = words[i];
    std::size_t eq = w.find('=');
    if (eq == std::string_view::npos) fail("expected key=value, got " + std::string(w));
    std::string_view k = w.substr(0, eq), v = w.substr(eq + 1);
    if (k == "obj") p.obj = SetOf(v);
    else if (k == "subj") p.subj = SetOf(v);
    else if (k == "mod") p.mod = SetOf(v);
    else if (k == "xcomp") p.xcomp = SetOf(v);
    else if (k == "prt") p.prt = std::string(v);
    else if (k == "prep") p.prep = std::string(v);
    else if (k == "needs" && v == "arg") p.needs_argument = true;
    else if (k == "needs" && v == "actor") p.needs_actor = true;
    else if (k == "needs" && v == "party") p.needs_party = true;
    else if (k == "needs" && v == "people") p.needs_people = true;
    else if (k == "joint" && v == "yes") p.joint = true;
    else fail("unknown key " + std::string(k));
  }
  auto& map = p.kind == Pattern::Kind::kNoun ? lex->nouns : lex->verbs;
  map[p.lemma].push_back(std::move(p));
}

}  // namespace

std::shared_ptr<const Lexicon> Lexicon::Load() {
  auto lex = std::make_shared<Lexicon>();
  lex->codebook = &Codebook::Default();
  for (int root = 1; root <= 20; ++root) {
    std::string file = std::string("lexicon/") + (root < 10 ? "0" : "") + std::to_string(root) + ".tsv";
    std::string_view text = Resource("events/" + file);
    std::size_t no = 0, pos = 0;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
      ++no;
      if (line.empty() || line[0] == '#') continue;
      auto f = Split(line, '\t');
      if (f.size() < 2) SITREP_THROW(ConfigError, "events/" << file << ":" << no << ": expected code and pattern");
      if (f[0] != kNoEvent && f[0].substr(0, 2) != file.substr(8, 2)) {
        SITREP_THROW(ConfigError, "events/" << file << ":" << no << ": code " << f[0] << " belongs to another root");
      }
      ParsePattern(file, no, f[0], f[1], *lex->codebook, lex.get());
    }
  }
  for (auto* map : {&lex->verbs, &lex->nouns}) {
    for (auto& [lemma, v] : *map) {
      std::stable_sort(v.begin(), v.end(),
                       [](const Pattern& a, const Pattern& b) { return a.Specificity() > b.Specificity(); });
    }
  }
  for (std::string_view line : DataLines(Resource("events/compose.tsv"))) {
    auto f = Split(line, '\t');
    if (f.size() != 3 || !lex->codebook->Find(f[2])) {
      SITREP_THROW(ConfigError, "events/compose.tsv: bad line \"" << line << "\"");
    }
    lex->compose[std::string(f[0])].emplace_back(f[1] == "*" ? std::string() : std::string(f[1]), std::string(f[2]));
  }
  for (auto& [cls, rules] : lex->compose) {
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
  for (std::string_view line : DataLines(Resource("events/agents.tsv"))) {
    auto f = Split(line, '\t');
    if (f.empty()) continue;
    lex->agents[std::string(f[0])] = f.size() > 1 ? std::string(f[1]) : std::string();
  }
  for (std::string_view line : DataLines(Resource("events/words.tsv"))) {
    auto f = Split(line, '\t');
    if (f.size() != 2) SITREP_THROW(ConfigError, "events/words.tsv: bad line \"" << line << "\"");
    StringSet* set = f[0] == "speech" ? &lex->speech
                     : f[0] == "light" ? &lex->light
                     : f[0] == "occur" ? &lex->occur
                     : f[0] == "negation" ? &lex->negation
                     : f[0] == "future" ? &lex->future
                     : f[0] == "thing" ? &lex->thing
                     : f[0] == "quantity" ? &lex->quantity
                     : f[0] == "container" ? &lex->container
                     : f[0] == "stop" ? &lex->stop
                     : f[0] == "hazard" ? &lex->hazard
                     : f[0] == "money" ? &lex->money
                     : f[0] == "obligation" ? &lex->obligation
                     : f[0] == "due" ? &lex->due
                     : f[0] == "ready" ? &lex->ready
                     : f[0] == "weapon" ? &lex->weapon
                     : f[0] == "aim" ? &lex->aim
                     : f[0] == "site" ? &lex->site
                     : f[0] == "role" ? &lex->role
                     : f[0] == "undergoer" ? &lex->undergoer
                                        : nullptr;
    if (!set) SITREP_THROW(ConfigError, "events/words.tsv: unknown list " << f[0]);
    set->emplace(f[1]);
  }
  return lex;
}

std::string_view Lexicon::Compose(std::string_view modal_class, std::string_view governed) const {
  auto it = compose.find(modal_class);
  if (it == compose.end()) return {};
  for (const auto& [prefix, code] : it->second) {
    if (governed.substr(0, prefix.size()) == prefix && (!prefix.empty() || true)) {
      if (prefix.empty() || !governed.empty()) return code;
    }
  }
  return {};
}

}  // namespace sitrep::events
