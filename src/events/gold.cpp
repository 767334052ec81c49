#include "events/gold.h"

#include <algorithm>
#include <cctype>

#include "events/events.h"

namespace sitrep::events {
namespace {

std::string Lower(std::string_view s) {
  std::string o(s);
  for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ActorMatches(const std::string& gold, const std::string& system) {
  if (gold.empty() || system.empty()) return gold.empty() && system.empty();
  std::string g = Lower(gold), s = Lower(system);
  return g.find(s) != std::string::npos || s.find(g) != std::string::npos;
}

double Ratio(std::uint64_t a, std::uint64_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

}  // namespace

Result<std::vector<GoldSentence>> ParseGold(std::string_view tsv) {
  std::vector<GoldSentence> out;
  std::size_t pos = 0, no = 0;
  while (pos < tsv.size()) {
    std::size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++no;
    if (Trim(line).empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& why) {
      return Status(Code::kInvalidInput, "gold line " + std::to_string(no) + ": " + why);
    };
    std::size_t t1 = line.find('\t'), t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) return bad("expected split, sentence and events");
    GoldSentence g;
    g.line = no;
    g.split = std::string(line.substr(0, t1));
    if (g.split != "dev" && g.split != "heldout") return bad("split must be dev or heldout");
    g.text = std::string(Trim(line.substr(t1 + 1, t2 - t1 - 1)));
    std::string_view evs = Trim(line.substr(t2 + 1));
    if (evs != "-") {
      std::size_t p = 0;
      while (p <= evs.size()) {
        std::size_t semi = evs.find(';', p);
        std::string_view one = Trim(evs.substr(p, semi == std::string_view::npos ? std::string_view::npos : semi - p));
        p = semi == std::string_view::npos ? evs.size() + 1 : semi + 1;
        if (one.empty()) continue;
        GoldEvent e;
        std::size_t sp = one.find(' '), gt = one.find(" > ");
        if (sp == std::string_view::npos || gt == std::string_view::npos || gt < sp) return bad("expected CODE SOURCE > TARGET");
        std::string_view code = one.substr(0, sp);
        if (!code.empty() && code[0] == '!') {
          e.negated = true;
          code.remove_prefix(1);
        }
        if (QuadClass(code) == 0) return bad("bad CAMEO code " + std::string(code));
        e.cameo = std::string(code);
        e.source = std::string(Trim(one.substr(sp + 1, gt - sp - 1)));
        std::string_view tgt = Trim(one.substr(gt + 3));
        if (tgt != "-") e.target = std::string(tgt);
        g.events.push_back(std::move(e));
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

void EventCounts::Add(const EventCounts& o) {
  gold += o.gold;
  system += o.system;
  matched += o.matched;
  paired += o.paired;
  root_ok += o.root_ok;
  code_ok += o.code_ok;
  actors_ok += o.actors_ok;
}
double EventCounts::Precision() const { return Ratio(matched, system); }
double EventCounts::Recall() const { return Ratio(matched, gold); }
double EventCounts::F1() const {
  double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double EventCounts::RootAccuracy() const { return Ratio(root_ok, paired); }
double EventCounts::CodeAccuracy() const { return Ratio(code_ok, paired); }
double EventCounts::ActorAccuracy() const { return Ratio(actors_ok, root_ok); }

EventCounts ScoreSentence(const GoldSentence& gold, const Article& a) {
  EventCounts c;
  c.gold = gold.events.size();
  c.system = a.events.size();
  std::vector<bool> used(a.events.size(), false);
  for (const GoldEvent& g : gold.events) {
    int best = -1, best_score = 0;
    for (std::size_t i = 0; i < a.events.size(); ++i) {
      if (used[i]) continue;
      const Event& e = a.events[i];
      bool root = Root(e.cameo) == Root(g.cameo);
      bool src = ActorMatches(g.source, e.source.text);
      bool tgt = ActorMatches(g.target, e.target ? e.target->text : std::string());
      int score = (root ? 8 : 0) + (src ? 4 : 0) + (tgt ? 2 : 0) + (e.negated == g.negated ? 1 : 0);
      if ((root || src) && score > best_score) {
        best = static_cast<int>(i);
        best_score = score;
      }
    }
    if (best < 0) continue;
    used[static_cast<std::size_t>(best)] = true;
    const Event& e = a.events[static_cast<std::size_t>(best)];
    ++c.paired;
    if (Root(e.cameo) == Root(g.cameo)) {
      ++c.root_ok;
      if (e.negated == g.negated) ++c.matched;
      if (ActorMatches(g.source, e.source.text) &&
          ActorMatches(g.target, e.target ? e.target->text : std::string()))
        ++c.actors_ok;
    }
    if (e.cameo == g.cameo) ++c.code_ok;
  }
  return c;
}

std::string DescribeEvent(const Event& e) {
  return std::string(e.negated ? "!" : "") + e.cameo + " " + e.source.text + " > " +
         (e.target ? e.target->text : std::string("-")) + (e.attributed ? " (attributed)" : "");
}

}  // namespace sitrep::events
