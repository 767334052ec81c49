#include "events/merge.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>

#include "core/hash.h"
#include "core/json_writer.h"
#include "events/events.h"
#include "store/output.h"

namespace sitrep::events {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string Str(simdjson::simdjson_result<element> r) {
  std::string_view v;
  if (r.get_string().get(v)) return {};
  return std::string(v);
}

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD"; nullopt for a coarser one.
std::optional<long> DayNumber(const std::optional<std::string>& d) {
  if (!d || d->size() < 10 || (*d)[4] != '-' || (*d)[7] != '-') return std::nullopt;
  int y = std::atoi(d->substr(0, 4).c_str()), m = std::atoi(d->substr(5, 2).c_str()),
      day = std::atoi(d->substr(8, 2).c_str());
  if (m < 1 || m > 12 || day < 1 || day > 31) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// Whether the ISO day "YYYY-MM-DD" lies in the period "YYYY", "YYYY-MM" or
// "YYYY-Www" (an ISO week, Monday to Sunday).
bool DayWithin(const std::string& day, const std::string& period) {
  const std::optional<long> d = DayNumber(day);
  if (!d) return false;
  if (period.size() == 4 || (period.size() == 7 && period[4] == '-' && period[5] != 'W')) {
    return day.compare(0, period.size(), period) == 0;
  }
  if (period.size() != 8 || period[4] != '-' || period[5] != 'W') return false;
  const int week = std::atoi(period.substr(6, 2).c_str());
  const std::optional<long> jan4 = DayNumber(period.substr(0, 4) + "-01-04");
  if (!jan4 || week < 1 || week > 53) return false;
  // 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
  const long monday = *jan4 - ((*jan4 % 7 + 7 + 3) % 7) + (week - 1) * 7L;
  return *d >= monday && *d < monday + 7;
}

std::string ActorKey(const ActorRef& a) {
  if (!a.entity.empty()) return a.entity;
  std::string k = "~";
  for (char c : a.name) k.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  return k;
}

bool Symmetric(std::string_view code) {
  const CodeInfo* c = Codebook::Default().Find(code);
  return c && c->symmetric;
}

ActorRef ActorFrom(element e, simdjson::dom::array mentions) {
  ActorRef a;
  a.name = Str(e["text"]);
  a.actor_code = Str(e["actor_code"]);
  std::uint64_t k = 0;
  element m;
  if (!e["mention"].get_uint64().get(k) && !mentions.at(k).get(m)) a.entity = Str(m["entity"]);
  return a;
}

}  // namespace

bool LineHasEvents(std::string_view line) { return line.find("\"events\":[{") != std::string_view::npos; }

void AppendEventRecords(std::string_view line, std::vector<EventRecord>* out) {
  if (!LineHasEvents(line)) return;
  thread_local simdjson::dom::parser parser;
  object o;
  if (parser.parse(line.data(), line.size()).get_object().get(o)) return;
  simdjson::dom::array events, mentions;
  if (o["events"].get_array().get(events)) return;
  if (o["mentions"].get_array().get(mentions)) return;
  std::string id = Str(o["id"]), outlet = Str(o["outlet"]);
  // Spans the article flags as contradicting themselves ("Thursday 14
  // March" when the 14th is a Friday): a date read there is in doubt.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> doubtful;
  simdjson::dom::array incons;
  if (!o["inconsistencies"].get_array().get(incons)) {
    for (element x : incons) {
      std::uint64_t b = 0, en = 0;
      if (x["start"].get_uint64().get(b) || x["end"].get_uint64().get(en)) continue;
      doubtful.emplace_back(b, en);
    }
  }
  for (element e : events) {
    EventRecord r;
    r.article = id;
    r.outlet = outlet;
    r.cameo = Str(e["cameo"]);
    if (r.cameo.size() < 3) continue;
    element sent;
    if (!e["sentence"].get(sent)) {
      std::uint64_t b = 0, en = 0;
      if (sent.at(0).get_uint64().get(b)) b = 0;
      if (sent.at(1).get_uint64().get(en)) en = 0;
      r.sentence_start = b;
      r.sentence_end = en;
    }
    std::uint64_t ts = 0;
    if (!e["trigger"]["start"].get_uint64().get(ts)) r.trigger_start = ts;
    element src, tgt, loc;
    if (e["source"].get(src) || !src.is_object()) continue;
    r.source = ActorFrom(src, mentions);
    if (!e["target"].get(tgt) && tgt.is_object()) r.target = ActorFrom(tgt, mentions);
    if (!e["location"].get(loc) && loc.is_object()) {
      PlaceRef p;
      p.name = Str(loc["text"]);
      std::uint64_t k = 0;
      element m;
      if (!loc["mention"].get_uint64().get(k) && !mentions.at(k).get(m)) {
        p.entity = Str(m["entity"]);
        p.country = Str(m["country"]);
      }
      r.location = std::move(p);
    }
    std::string d = Str(e["date"]);
    if (!d.empty()) r.date = d;
    r.date_from = Str(e["date_from"]);
    if (r.date && r.date_from == "text") {
      for (const auto& [b, en] : doubtful) {
        if (b >= r.sentence_start && en <= r.sentence_end) r.date_doubtful = true;
      }
    }
    bool b = false;
    if (!e["negated"].get_bool().get(b)) r.negated = b;
    b = false;
    if (!e["attributed"].get_bool().get(b)) r.attributed = b;
    out->push_back(std::move(r));
  }
}

std::vector<MergedEvent> MergeEvents(std::vector<EventRecord>& records) {
  // Input order must not matter: sort by where each report is.
  std::sort(records.begin(), records.end(), [](const EventRecord& x, const EventRecord& y) {
    if (x.article != y.article) return x.article < y.article;
    if (x.sentence_start != y.sentence_start) return x.sentence_start < y.sentence_start;
    if (x.trigger_start != y.trigger_start) return x.trigger_start < y.trigger_start;
    return x.cameo < y.cameo;
  });
  struct Cluster {
    std::vector<std::size_t> members;
    std::string a, b;  // source key and partner key ("" unknown)
    bool symmetric = false;
    std::optional<long> day_min, day_max;
    std::string place;  // location key, "" unknown
    bool negated = false;
  };
  std::vector<Cluster> clusters;
  std::unordered_map<std::string, std::vector<std::size_t>> blocks;  // root|actor -> clusters
  // One sentence can yield the same event twice (one actor named by two
  // parses of the same words); it is one report.
  std::set<std::string> seen;
  auto compatible_actors = [](const Cluster& cl, const std::string& src, const std::string& tgt) {
    auto wild = [](const std::string& x, const std::string& y) { return x.empty() || y.empty() || x == y; };
    if (src == cl.a && wild(tgt, cl.b)) return true;
    // A joint act is the same whichever side a report names first.
    return cl.symmetric && src == cl.b && wild(tgt, cl.a);
  };
  for (std::size_t i = 0; i < records.size(); ++i) {
    const EventRecord& r = records[i];
    const std::string src = ActorKey(r.source);
    const std::string tgt = r.target ? ActorKey(*r.target) : std::string();
    if (!seen.insert(r.article + "|" + std::to_string(r.sentence_start) + "|" + std::to_string(r.trigger_start) + "|" +
                     r.cameo + "|" + src + "|" + tgt + "|" + (r.negated ? "n" : ""))
             .second)
      continue;
    const bool sym = Symmetric(r.cameo);
    const std::string root(Root(r.cameo));
    // A doubtful date neither keeps reports apart nor places the event.
    const std::optional<long> day = DayNumber(r.date_doubtful ? std::nullopt : r.date);
    std::string place = r.location ? (r.location->entity.empty() ? "~" + r.location->name : r.location->entity) : "";
    std::size_t chosen = clusters.size();
    for (const std::string* key_actor : {&src, &tgt}) {
      if (chosen != clusters.size() || key_actor->empty() || (key_actor == &tgt && !sym)) continue;
      auto it = blocks.find(root + "|" + *key_actor);
      if (it == blocks.end()) continue;
      for (std::size_t c : it->second) {
        const Cluster& cl = clusters[c];
        if (cl.negated != r.negated || cl.symmetric != sym) continue;
        if (!compatible_actors(cl, src, tgt)) continue;
        if (day && cl.day_min && (*day < *cl.day_max - 1 || *day > *cl.day_min + 1)) continue;
        if (!place.empty() && !cl.place.empty() && place != cl.place) continue;
        chosen = c;
        break;
      }
    }
    if (chosen == clusters.size()) {
      clusters.emplace_back();
      Cluster& cl = clusters.back();
      cl.negated = r.negated;
      cl.symmetric = sym;
      cl.a = src;
      blocks[root + "|" + src].push_back(chosen);
    }
    Cluster& cl = clusters[chosen];
    cl.members.push_back(i);
    if (cl.b.empty() && !tgt.empty()) {
      cl.b = src == cl.a ? tgt : src;
      if (cl.symmetric) blocks[root + "|" + cl.b].push_back(chosen);
    }
    if (cl.place.empty()) cl.place = place;
    if (day) {
      cl.day_min = cl.day_min ? std::min(*cl.day_min, *day) : *day;
      cl.day_max = cl.day_max ? std::max(*cl.day_max, *day) : *day;
    }
  }
  std::vector<MergedEvent> out;
  out.reserve(clusters.size());
  for (const Cluster& cl : clusters) {
    MergedEvent m;
    std::map<std::string, int> codes;
    std::set<std::string> articles, outlets;
    m.attributed = true;
    for (std::size_t i : cl.members) {
      const EventRecord& r = records[i];
      m.mentions.push_back(&r);
      ++codes[r.cameo];
      articles.insert(r.article);
      // An article without a known outlet counts as its own source.
      outlets.insert(r.outlet.empty() ? "#" + r.article : r.outlet);
      m.attributed = m.attributed && r.attributed;
    }
    // The most reported full code; ties go to the more specific, then the smaller.
    int best = -1;
    for (const auto& [code, n] : codes) {
      if (n > best || (n == best && code.size() > m.cameo.size())) {
        best = n;
        m.cameo = code;
      }
    }
    // Representative report: the first with this code; a date from the
    // text beats the day it was said, which beats a publication date, which
    // beats a date the article itself contradicts; actors with entity ids beat those without.
    auto date_rank = [](const EventRecord* r) {
      return r->date_doubtful ? 0 : r->date_from == "text" ? 3 : r->date_from == "said" ? 2 : r->date ? 1 : 0;
    };
    const EventRecord* rep = nullptr;
    for (const EventRecord* r : m.mentions) {
      if (r->cameo != m.cameo) continue;
      if (!rep || date_rank(r) > date_rank(rep)) rep = r;
    }
    m.source = rep->source;
    m.target = rep->target;
    m.location = rep->location;
    m.date = rep->date;
    m.date_from = rep->date_from;
    // Reports of the same happening under another code still date it.
    for (int rank = date_rank(rep); const EventRecord* r : m.mentions) {
      if (date_rank(r) > rank) {
        rank = date_rank(r);
        m.date = r->date;
        m.date_from = r->date_from;
      }
    }
    // "last week" in one report and "on Thursday (12 November)" in another,
    // of equal standing: the day, when one day alone falls in the coarser
    // period, says more about the same happening.
    if (m.date && !DayNumber(m.date)) {
      std::set<std::string> days;
      for (const EventRecord* r : m.mentions) {
        if (r->date_from == m.date_from && !r->date_doubtful && r->date && DayWithin(*r->date, *m.date)) {
          days.insert(r->date->substr(0, 10));
        }
      }
      if (days.size() == 1) m.date = *days.begin();
    }
    m.negated = rep->negated;
    for (const EventRecord* r : m.mentions) {
      if (!m.target && r->target) m.target = r->target;
      if (!m.location && r->location) m.location = r->location;
      if (m.source.entity.empty() && !r->source.entity.empty() && ActorKey(r->source) == ActorKey(m.source)) m.source = r->source;
    }
    m.num_articles = static_cast<std::uint32_t>(articles.size());
    m.num_outlets = static_cast<std::uint32_t>(outlets.size());
    const EventRecord* first = m.mentions.front();
    m.id = MakeId('v', m.cameo + "|" + ActorKey(m.source) + "|" + (m.target ? ActorKey(*m.target) : "") + "|" +
                           m.date.value_or("") + "|" + first->article + "|" + std::to_string(first->sentence_start) +
                           "|" + std::to_string(first->trigger_start));
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const MergedEvent& x, const MergedEvent& y) { return x.id < y.id; });
  return out;
}

void FillActorCodes(const std::unordered_map<std::string, std::string>& code_of, std::vector<MergedEvent>* events) {
  auto fill = [&](ActorRef& a) {
    if (a.entity.empty()) return;
    auto it = code_of.find(a.entity);
    if (it == code_of.end() || it->second.empty() || it->second == a.actor_code) return;
    const std::string& code = it->second;
    if (a.actor_code.empty() || code.starts_with(a.actor_code) || code.ends_with(a.actor_code)) a.actor_code = code;
  };
  for (MergedEvent& e : *events) {
    fill(e.source);
    if (e.target) fill(*e.target);
  }
}

void AppendMergedEventJson(const MergedEvent& e, std::string* out) {
  JsonWriter w(*out);
  const CodeInfo* info = Codebook::Default().Find(e.cameo);
  auto actor = [&](const ActorRef& a) {
    w.BeginObject();
    w.Key("entity");
    if (a.entity.empty()) w.Null(); else w.String(a.entity);
    w.Key("name");
    w.String(a.name);
    w.Key("actor_code");
    if (a.actor_code.empty()) w.Null(); else w.String(a.actor_code);
    w.EndObject();
  };
  w.BeginObject();
  w.Key("id");
  w.String(e.id);
  w.Key("date");
  w.OptString(e.date);
  w.Key("date_from");
  if (e.date_from.empty()) w.Null(); else w.String(e.date_from);
  w.Key("cameo");
  w.String(e.cameo);
  w.Key("root");
  w.String(Root(e.cameo));
  w.Key("quad_class");
  w.Int(QuadClass(e.cameo));
  w.Key("goldstein");
  w.Double(info ? info->goldstein : 0.0, 1);
  w.Key("source");
  actor(e.source);
  w.Key("target");
  if (e.target) actor(*e.target); else w.Null();
  w.Key("location");
  if (e.location) {
    w.BeginObject();
    w.Key("name");
    w.String(e.location->name);
    w.Key("country");
    if (e.location->country.empty()) w.Null(); else w.String(e.location->country);
    w.Key("entity");
    if (e.location->entity.empty()) w.Null(); else w.String(e.location->entity);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("negated");
  w.Bool(e.negated);
  w.Key("attributed");
  w.Bool(e.attributed);
  w.Key("mentions");
  w.BeginArray();
  for (const EventRecord* r : e.mentions) {
    w.BeginObject();
    w.Key("article");
    w.String(r->article);
    w.Key("sentence");
    w.BeginArray();
    w.UInt(r->sentence_start);
    w.UInt(r->sentence_end);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("num_articles");
  w.UInt(e.num_articles);
  w.Key("num_outlets");
  w.UInt(e.num_outlets);
  w.EndObject();
}

Status WriteEventsFile(const std::string& path, const std::vector<MergedEvent>& events) {
  store::OutputFile out;
  if (Status s = out.Open(path); !s.ok()) return s;
  std::string line;
  for (const auto& e : events) {
    line.clear();
    AppendMergedEventJson(e, &line);
    line.push_back('\n');
    if (Status s = out.Write(line); !s.ok()) return s;  // OutputFile buffers
  }
  return out.Commit();
}

}  // namespace sitrep::events
