#include "time/timeml.h"

#include <algorithm>
#include <cctype>

#include "core/resources.h"

namespace sitrep {
namespace {

std::optional<std::string> Attr(std::string_view tag, std::string_view name) {
  for (size_t p = tag.find(name); p != std::string_view::npos; p = tag.find(name, p + 1)) {
    size_t v = p + name.size();
    bool starts = p > 0 && (tag[p - 1] == ' ' || tag[p - 1] == '\t' || tag[p - 1] == '\n');
    if (!starts || v + 1 >= tag.size() || tag[v] != '=' || tag[v + 1] != '"') continue;
    auto q = tag.find('"', v + 2);
    if (q == std::string_view::npos) return std::nullopt;
    return std::string(tag.substr(v + 2, q - v - 2));
  }
  return std::nullopt;
}

// Appends `s` to out with the five XML entities decoded.
void AppendDecoded(std::string_view s, std::string& out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<const char*, char> kEnt[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (auto& [ent, ch] : kEnt) {
        std::string_view e(ent);
        if (s.substr(i, e.size()) == e) {
          out += ch;
          i += e.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
}

// Decade and century values compare by their digits: TimeML writes the
// 1990s as "199" and the twentieth century as "19", sitrep as "199X" and
// "19XX". Only a value of digits then X's is cut, so "1998-WXX" stays.
std::string CanonValue(std::string_view v) {
  std::size_t digits = 0;
  while (digits < v.size() && std::isdigit(static_cast<unsigned char>(v[digits]))) ++digits;
  if (digits == 0 || digits == v.size() || v.find_first_not_of('X', digits) != std::string_view::npos)
    return std::string(v);
  return std::string(v.substr(0, digits));
}

}  // namespace

bool SameTimeValue(std::string_view a, std::string_view b) { return CanonValue(a) == CanonValue(b); }

namespace {

double Div(double a, double b) { return b > 0 ? a / b : 0.0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

}  // namespace

Result<TimemlDoc> ParseTimeml(std::string_view xml, std::string name) {
  TimemlDoc doc;
  doc.name = std::move(name);
  // The DCT may sit outside TEXT.
  for (size_t p = xml.find("<TIMEX3"); p != std::string_view::npos; p = xml.find("<TIMEX3", p + 1)) {
    auto q = xml.find('>', p);
    if (q == std::string_view::npos) break;
    std::string_view tag = xml.substr(p, q - p);
    if (Attr(tag, "functionInDocument") == std::optional<std::string>("CREATION_TIME")) {
      doc.dct = Attr(tag, "value");
      break;
    }
  }
  auto tb = xml.find("<TEXT>");
  auto te = xml.find("</TEXT>");
  if (tb == std::string_view::npos || te == std::string_view::npos || te < tb)
    return Status(Code::kInvalidInput, doc.name + ": no <TEXT> element");
  std::string_view body = xml.substr(tb + 6, te - tb - 6);
  std::optional<TimeExpr> open;
  size_t i = 0;
  while (i < body.size()) {
    auto lt = body.find('<', i);
    AppendDecoded(body.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i), doc.text);
    if (lt == std::string_view::npos) break;
    auto gt = body.find('>', lt);
    if (gt == std::string_view::npos) return Status(Code::kInvalidInput, doc.name + ": unclosed tag");
    std::string_view tag = body.substr(lt, gt - lt + 1);
    if (tag.starts_with("<TIMEX3")) {
      TimeExpr t;
      t.begin = static_cast<std::uint32_t>(doc.text.size());
      t.type = Attr(tag, "type").value_or("");
      t.value = Attr(tag, "value");
      if (tag.ends_with("/>")) {
        // An empty TIMEX3 has no extent in the text; it cannot be matched.
      } else {
        open = t;
      }
    } else if (tag.starts_with("</TIMEX3") && open) {
      open->end = static_cast<std::uint32_t>(doc.text.size());
      doc.gold.push_back(*open);
      open.reset();
    }
    i = gt + 1;
  }
  return doc;
}

void ScoreTimes(const std::vector<TimeExpr>& gold, const std::vector<TimeExpr>& system, TimeCounts& c) {
  c.gold += static_cast<long>(gold.size());
  c.system += static_cast<long>(system.size());
  std::vector<bool> used(system.size(), false);
  for (const TimeExpr& g : gold) {
    // Prefer an identical span, then the first overlapping one.
    long pick = -1;
    for (size_t s = 0; s < system.size(); ++s) {
      if (!used[s] && system[s].begin == g.begin && system[s].end == g.end) {
        pick = static_cast<long>(s);
        break;
      }
    }
    if (pick < 0) {
      for (size_t s = 0; s < system.size(); ++s) {
        if (!used[s] && system[s].begin < g.end && g.begin < system[s].end) {
          pick = static_cast<long>(s);
          break;
        }
      }
    }
    if (pick < 0) continue;
    const TimeExpr& s = system[static_cast<size_t>(pick)];
    used[static_cast<size_t>(pick)] = true;
    ++c.relaxed;
    if (s.begin == g.begin && s.end == g.end) ++c.strict;
    if (s.type == g.type) ++c.type_ok;
    if (s.value && g.value && SameTimeValue(*s.value, *g.value)) ++c.value_ok;
  }
}

TimeScores ComputeScores(const TimeCounts& c) {
  TimeScores s;
  s.strict_precision = Div(c.strict, c.system);
  s.strict_recall = Div(c.strict, c.gold);
  s.strict_f1 = F1(s.strict_precision, s.strict_recall);
  s.relaxed_precision = Div(c.relaxed, c.system);
  s.relaxed_recall = Div(c.relaxed, c.gold);
  s.relaxed_f1 = F1(s.relaxed_precision, s.relaxed_recall);
  s.type_accuracy = Div(c.type_ok, c.relaxed);
  s.value_accuracy = Div(c.value_ok, c.relaxed);
  s.value_precision = Div(c.value_ok, c.system);
  s.value_recall = Div(c.value_ok, c.gold);
  s.value_f1 = F1(s.value_precision, s.value_recall);
  return s;
}

std::vector<std::string> TimebankSplit(std::string_view part) {
  std::vector<std::string> out;
  for (std::string_view line : DataLines(Resource("time/timebank_split.txt"))) {
    auto sp = line.find(' ');
    if (sp == std::string_view::npos) continue;
    if (line.substr(0, sp) == part) out.emplace_back(line.substr(sp + 1));
  }
  return out;
}

}  // namespace sitrep
