#include "events/gdelt.h"

#include <simdjson.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "core/error.h"
#include "core/resources.h"
#include "events/events.h"
#include "events/gdelt_geo.h"
#include "gazetteer/gazetteer.h"
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

// Tabs and newlines would break the table.
std::string Clean(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

int Digits(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "2022-01-12" -> "20220112"; coarser dates keep zeros for what is unknown
// ("2022-01" -> "20220100"), as GDELT does for imprecise dates; "" if none.
std::string SqlDate(const std::string& iso) {
  if (iso.size() < 4) return {};
  for (int i = 0; i < 4; ++i) {
    if (iso[static_cast<std::size_t>(i)] < '0' || iso[static_cast<std::size_t>(i)] > '9') return {};
  }
  std::string y = iso.substr(0, 4), m = "00", d = "00";
  if (iso.size() >= 7 && iso[4] == '-' && Digits(std::string_view(iso).substr(5, 2)) >= 0) m = iso.substr(5, 2);
  if (iso.size() >= 10 && iso[7] == '-' && Digits(std::string_view(iso).substr(8, 2)) >= 0) d = iso.substr(8, 2);
  return y + m + d;
}

std::string FractionDate(const std::string& sql) {
  if (sql.size() != 8) return {};
  int y = Digits(std::string_view(sql).substr(0, 4)), m = Digits(std::string_view(sql).substr(4, 2)),
      d = Digits(std::string_view(sql).substr(6, 2));
  if (y < 0 || m < 0 || d < 0) return {};
  static const int kCum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int doy = (m >= 1 && m <= 12 ? kCum[m - 1] : 0) + (d > 0 ? d : 1);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", y + static_cast<double>(doy) / 365.0);
  return buf;
}

// A number with up to `digits` decimals, trailing zeros trimmed ("-1.25").
std::string Num(double v, int digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string out(buf);
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

// CAMEO actor codes are three-letter blocks: a country or international
// actor first, then role types, regions and known groups. Which block is
// which comes from data/events/actor_blocks.tsv.
class ActorBlocks {
 public:
  static const ActorBlocks& Default() {
    static const ActorBlocks blocks;
    return blocks;
  }
  bool IsType(std::string_view b) const { return types_.count(std::string(b)) > 0; }
  bool IsRegion(std::string_view b) const { return regions_.count(std::string(b)) > 0; }

 private:
  ActorBlocks() {
    for (std::string_view line : DataLines(Resource("events/actor_blocks.tsv"))) {
      std::size_t t1 = line.find('\t');
      std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
      SITREP_CHECK(t1 == 3 && t2 != std::string_view::npos, ConfigError,
                   "data/events/actor_blocks.tsv: expected block, kind and meaning: " << line);
      std::string_view kind = line.substr(t1 + 1, t2 - t1 - 1);
      SITREP_CHECK(kind == "type" || kind == "region", ConfigError,
                   "data/events/actor_blocks.tsv: kind must be type or region: " << line);
      (kind == "type" ? types_ : regions_).insert(std::string(line.substr(0, 3)));
    }
  }
  std::set<std::string> types_, regions_;
};

// ISO 639-2/T code of a language's English name ("German" -> "deu"), from
// data/text/languages.tsv; empty when unknown.
std::string LanguageCode(std::string_view name) {
  static const std::unordered_map<std::string, std::string> codes = [] {
    std::unordered_map<std::string, std::string> m;
    for (std::string_view line : DataLines(Resource("text/languages.tsv"))) {
      std::size_t t1 = line.find('\t');
      std::size_t t2 = line.rfind('\t');
      if (t1 == std::string_view::npos || t2 == t1) continue;
      std::string key(line.substr(0, t1));
      for (char& c : key) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      m.emplace(std::move(key), std::string(line.substr(t2 + 1)));
    }
    return m;
  }();
  std::string key(name);
  for (char& c : key) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  auto it = codes.find(key);
  return it == codes.end() ? std::string() : it->second;
}

// Actor{Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
// Religion2Code, Type1Code, Type2Code, Type3Code}. Sets *country to the
// CAMEO country block (empty when none).
void ActorColumns(simdjson::simdjson_result<element> actor, std::vector<std::string>* row, std::string* country) {
  country->clear();
  element a;
  if (actor.get(a) || !a.is_object()) {
    row->insert(row->end(), 10, std::string());
    return;
  }
  const ActorBlocks& kinds = ActorBlocks::Default();
  std::string code = Clean(Str(a["actor_code"]));
  row->push_back(code);
  row->push_back(Clean(Upper(Str(a["name"]))));
  std::string group;
  std::vector<std::string> types;
  for (std::size_t i = 0; i + 3 <= code.size(); i += 3) {
    std::string b = code.substr(i, 3);
    if (kinds.IsType(b)) {
      types.push_back(b);
    } else if (kinds.IsRegion(b)) {
      // A region acting alone ("EUR": "Europe must respond") fills the
      // country column, as GDELT writes it; after IGO (IGOWSTNAT, IGOEUREEC)
      // it has no column of its own.
      if (i == 0) *country = b;
      continue;
    } else if (i == 0) {
      *country = b;
    } else if (group.empty()) {
      group = b;  // NAT after IGOWST, EEC after IGOEUR: a known group
    }
  }
  row->push_back(*country);
  row->push_back(group);
  row->insert(row->end(), 3, std::string());  // ethnic, religion 1 and 2: not coded
  for (std::size_t i = 0; i < 3; ++i) row->push_back(i < types.size() ? types[i] : std::string());
}

// Where an actor is: the place it is ("Moscow said"), else its entity's
// country, else the country of its CAMEO code.
GdeltGeo ActorGeo(simdjson::simdjson_result<element> actor, const std::string& cameo_country,
                  const GdeltInputs& in, const gazetteer::Gazetteer& g) {
  element a;
  if (actor.get(a) || !a.is_object()) return {};
  auto it = in.entities.find(Str(a["entity"]));
  if (it != in.entities.end()) {
    const GdeltEntity& e = it->second;
    if (e.type == "LOC") {
      GdeltGeo geo = PlaceGeo(g, e.name, e.country);
      if (geo.type != GeoType::kNone) return geo;
    }
    if (!e.country.empty()) {
      GdeltGeo geo = CountryGeo(g, e.country);
      if (geo.type != GeoType::kNone) return geo;
    }
  }
  if (cameo_country.empty()) return {};
  auto alpha3 = g.CountryOf(cameo_country);
  return alpha3 ? CountryGeo(g, *alpha3) : GdeltGeo{};
}

// The place of an event's "location": {name, country, entity}.
GdeltGeo LocationGeo(simdjson::simdjson_result<element> place, const GdeltInputs& in,
                     const gazetteer::Gazetteer& g) {
  element p;
  if (place.get(p) || !p.is_object()) return {};
  std::string name = Str(p["name"]), country = Str(p["country"]);
  auto it = in.entities.find(Str(p["entity"]));
  if (it != in.entities.end()) {
    // The entity's canonical name is the fullest form ("Kyiv" for "Kiev").
    if (!it->second.name.empty()) name = it->second.name;
    if (country.empty()) country = it->second.country;
  }
  if (name.empty() && country.empty()) return {};
  return PlaceGeo(g, name, country);
}

// Code points in s[0, bytes).
std::uint64_t CodePoints(std::string_view s) {
  std::uint64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Byte offset of code point `cp` in s (s.size() when past the end).
std::size_t ByteOf(std::string_view s, std::uint64_t cp) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (n == cp) return i;
    ++n;
  }
  return s.size();
}

// Code point offset of an event actor in its article: the start of its
// mention, else where its words first occur in the sentence; -1 if neither.
std::int64_t ActorOffset(simdjson::simdjson_result<element> actor, const std::vector<std::int64_t>& mention_starts,
                         std::string_view text, std::size_t sent_begin, std::size_t sent_end) {
  element a;
  if (actor.get(a) || !a.is_object()) return -1;
  std::uint64_t m = 0;
  if (!a["mention"].get_uint64().get(m)) return m < mention_starts.size() ? mention_starts[m] : -1;
  std::string words = Str(a["text"]);
  if (words.empty() || sent_end <= sent_begin) return -1;
  std::size_t at = text.substr(sent_begin, sent_end - sent_begin).find(words);
  if (at == std::string_view::npos) return -1;
  return static_cast<std::int64_t>(CodePoints(text.substr(0, sent_begin + at)));
}

// Calls fn with each line of a JSON Lines file that is an object; other
// lines (blank, malformed) are passed over, as the export's inputs are
// sitrep's own files.
template <typename Fn>
Status ForEachObjectLine(const std::string& path, Fn&& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kIoError, "cannot read " + path);
  simdjson::dom::parser parser;
  std::string line;
  while (std::getline(in, line)) {
    object o;
    if (line.empty() || parser.parse(line).get_object().get(o)) continue;
    fn(o);
  }
  return Status::Ok();
}

}  // namespace

Result<std::unordered_map<std::string, GdeltArticle>> ReadGdeltArticles(const std::string& path) {
  std::unordered_map<std::string, GdeltArticle> out;
  Status st = ForEachObjectLine(path, [&](object o) {
    GdeltArticle a;
    a.url = Str(o["url"]);
    if (a.url.empty()) a.url = Str(o["source"]);
    a.outlet = Str(o["outlet"]);
    a.published = Str(o["published"]);
    simdjson::dom::array sents;
    if (!o["sentences"].get_array().get(sents)) {
      for (element s : sents) {
        std::uint64_t b = 0;
        if (!s.at(0).get_uint64().get(b)) a.sentence_starts.push_back(b);
      }
    }
    std::string_view text;
    if (o["text"].get_string().get(text)) text = {};
    a.text_length = CodePoints(text);
    std::size_t para = text.find("\n\n");
    a.lead_end = para == std::string_view::npos ? a.text_length : CodePoints(text.substr(0, para));
    double tone = 0;
    if (!o["tone"]["tone"].get_double().get(tone)) {
      a.has_tone = true;
      a.tone = tone;
    }
    a.translated_from = Str(o["translated_from"]);
    std::vector<std::int64_t> mention_starts;
    simdjson::dom::array list;
    if (!o["mentions"].get_array().get(list)) {
      for (element m : list) {
        std::uint64_t b = 0;
        mention_starts.push_back(m["start"].get_uint64().get(b) ? -1 : static_cast<std::int64_t>(b));
      }
    }
    if (!o["events"].get_array().get(list)) {
      for (element ev : list) {
        GdeltReport r;
        std::uint64_t sb = 0, se = 0, trig = 0;
        if (ev["sentence"].at(0).get_uint64().get(sb) || ev["sentence"].at(1).get_uint64().get(se)) continue;
        r.sentence_start = sb;
        r.cameo = Str(ev["cameo"]);
        if (!ev["trigger"]["start"].get_uint64().get(trig)) r.action = static_cast<std::int64_t>(trig);
        std::size_t byte_begin = ByteOf(text, sb), byte_end = ByteOf(text, se);
        r.source = ActorOffset(ev["source"], mention_starts, text, byte_begin, byte_end);
        r.target = ActorOffset(ev["target"], mention_starts, text, byte_begin, byte_end);
        a.reports.push_back(std::move(r));
      }
    }
    out.emplace(Str(o["id"]), std::move(a));
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::unordered_map<std::string, GdeltEntity>> ReadGdeltEntities(const std::string& path) {
  std::unordered_map<std::string, GdeltEntity> out;
  Status st = ForEachObjectLine(path, [&](object o) {
    GdeltEntity e;
    e.name = Str(o["name"]);
    e.type = Str(o["type"]);
    e.country = Str(o["country"]);
    out.emplace(Str(o["id"]), std::move(e));
  });
  if (!st.ok()) return st;
  return out;
}

Status GdeltRows(std::string_view event_line, std::uint64_t global_id, const GdeltInputs& inputs,
                 std::vector<std::string>* row, std::vector<std::vector<std::string>>* mention_rows) {
  const auto& articles = inputs.articles;
  const gazetteer::Gazetteer& gaz = gazetteer::Gazetteer::Default();
  thread_local simdjson::dom::parser parser;
  object e;
  if (parser.parse(event_line.data(), event_line.size()).get_object().get(e)) {
    return Status(Code::kCorrupt, "not a JSON object");
  }
  std::string cameo = Str(e["cameo"]);
  if (QuadClass(cameo) == 0) return Status(Code::kCorrupt, "event without a CAMEO code");
  row->clear();
  mention_rows->clear();
  std::string sql = SqlDate(Str(e["date"]));
  row->push_back(std::to_string(global_id));
  row->push_back(sql);
  row->push_back(sql.size() == 8 ? sql.substr(0, 6) : std::string());
  row->push_back(sql.size() == 8 ? sql.substr(0, 4) : std::string());
  row->push_back(FractionDate(sql));
  std::string country1, country2;
  ActorColumns(e["source"], row, &country1);
  ActorColumns(e["target"], row, &country2);
  // Mentions, and the article of the first one.
  simdjson::dom::array mentions;
  const GdeltArticle* first = nullptr;
  std::uint64_t first_sentence = 0;
  std::string first_id;
  std::uint64_t num_mentions = 0;
  std::string earliest;
  std::set<std::string> toned;  // articles whose tone is in the average
  double tone_sum = 0;
  if (!e["mentions"].get_array().get(mentions)) {
    for (element m : mentions) {
      ++num_mentions;
      std::string aid = Str(m["article"]);
      std::uint64_t sstart = 0, send = 0;
      if (m["sentence"].at(0).get_uint64().get(sstart)) sstart = 0;
      if (m["sentence"].at(1).get_uint64().get(send)) send = 0;
      auto it = articles.find(aid);
      const GdeltArticle* art = it == articles.end() ? nullptr : &it->second;
      if (!first) {
        first = art;
        first_sentence = sstart;
        first_id = aid;
      }
      std::size_t sentence_no = 0;
      const GdeltReport* report = nullptr;
      if (art) {
        while (sentence_no < art->sentence_starts.size() && art->sentence_starts[sentence_no] <= sstart) ++sentence_no;
        if (!art->published.empty() && (earliest.empty() || art->published < earliest)) earliest = art->published;
        if (art->has_tone && toned.insert(aid).second) tone_sum += art->tone;
        // The article's own report of this event: same sentence, the same
        // code if there is one, else the same root.
        for (const GdeltReport& r : art->reports) {
          if (r.sentence_start != sstart) continue;
          if (r.cameo == cameo) {
            report = &r;
            break;
          }
          if (!report && r.cameo.compare(0, 2, cameo, 0, 2) == 0) report = &r;
        }
      }
      std::string translation;
      if (art && !art->translated_from.empty()) {
        std::string code = LanguageCode(art->translated_from);
        if (!code.empty()) translation = "srclc:" + code;
      }
      std::string published = art ? SqlDate(art->published) : std::string();
      bool attributed = false;
      if (e["attributed"].get_bool().get(attributed)) attributed = false;
      std::vector<std::string> mr;
      mr.push_back(std::to_string(global_id));
      mr.push_back(sql.empty() ? std::string() : sql + "000000");                      // EventTimeDate
      mr.push_back(published.empty() ? std::string() : published + "000000");          // MentionTimeDate
      mr.push_back("1");                                                                // MentionType: web
      mr.push_back(Clean(art ? art->outlet : std::string()));                            // MentionSourceName
      mr.push_back(Clean(art ? art->url : aid));                                         // MentionIdentifier
      mr.push_back(std::to_string(sentence_no));                                         // SentenceID, 1-based
      mr.push_back(std::to_string(report ? report->source : -1));                        // Actor1CharOffset
      mr.push_back(std::to_string(report ? report->target : -1));                        // Actor2CharOffset
      mr.push_back(std::to_string(report && report->action >= 0 ? static_cast<std::uint64_t>(report->action)
                                                                 : sstart));             // ActionCharOffset
      mr.push_back("1");                                                                 // InRawText
      mr.push_back(attributed ? "50" : "100");                                           // Confidence
      mr.push_back(std::to_string(art ? art->text_length : send));                       // MentionDocLen
      mr.push_back(art && art->has_tone ? Num(art->tone, 4) : std::string());            // MentionDocTone
      mr.push_back(translation);                                                         // MentionDocTranslationInfo
      mr.push_back("");                                                                  // Extras
      mention_rows->push_back(std::move(mr));
    }
  }
  // GDELT's root events are those of the lead paragraph.
  bool root_event = first && !first->sentence_starts.empty() && first_sentence < first->lead_end;
  row->push_back(root_event ? "1" : "0");
  row->push_back(cameo);
  row->push_back(cameo.substr(0, 3));
  row->push_back(cameo.substr(0, 2));
  row->push_back(std::to_string(QuadClass(cameo)));
  const CodeInfo* info = Codebook::Default().Find(cameo);
  char g[16];
  std::snprintf(g, sizeof g, "%.1f", info ? info->goldstein : 0.0);
  row->push_back(g);
  std::uint64_t sources = 0, arts = 0;
  if (e["num_outlets"].get_uint64().get(sources)) sources = 0;
  if (e["num_articles"].get_uint64().get(arts)) arts = 0;
  row->push_back(std::to_string(num_mentions));
  row->push_back(std::to_string(sources));
  row->push_back(std::to_string(arts));
  row->push_back(toned.empty() ? std::string("0") : Num(tone_sum / static_cast<double>(toned.size()), 4));  // AvgTone
  AppendGeoColumns(ActorGeo(e["source"], country1, inputs, gaz), row);  // Actor1Geo
  AppendGeoColumns(ActorGeo(e["target"], country2, inputs, gaz), row);  // Actor2Geo
  AppendGeoColumns(LocationGeo(e["location"], inputs, gaz), row);       // ActionGeo
  std::string added = SqlDate(earliest);
  row->push_back(added.size() == 8 ? added + "000000" : std::string());  // DATEADDED: first publication
  row->push_back(Clean(first ? first->url : first_id));
  return Status::Ok();
}

Status ExportGdelt(const std::string& dir, const std::string& prefix, std::uint64_t* events_written) {
  GdeltInputs inputs;
  auto articles = ReadGdeltArticles(dir + "/articles.jsonl");
  if (!articles.ok()) return articles.status();
  inputs.articles = std::move(articles.value());
  // Without entities.jsonl actors still get the country of their code.
  if (auto entities = ReadGdeltEntities(dir + "/entities.jsonl"); entities.ok()) {
    inputs.entities = std::move(entities.value());
  }
  std::ifstream in(dir + "/events.jsonl", std::ios::binary);
  if (!in) return Status(Code::kIoError, "cannot read " + dir + "/events.jsonl");
  store::OutputFile ev, me;
  if (Status s = ev.Open(prefix + ".export.CSV"); !s.ok()) return s;
  if (Status s = me.Open(prefix + ".mentions.CSV"); !s.ok()) return s;
  std::string line, evbuf, mebuf;
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> mrows;
  std::uint64_t id = 0;
  std::size_t no = 0;
  auto append = [](const std::vector<std::string>& r, std::string* out) {
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (i) out->push_back('\t');
      *out += r[i];
    }
    out->push_back('\n');
  };
  while (std::getline(in, line)) {
    ++no;
    if (line.empty()) continue;
    if (Status s = GdeltRows(line, id + 1, inputs, &row, &mrows); !s.ok()) {
      return Status(Code::kCorrupt, dir + "/events.jsonl:" + std::to_string(no) + ": " + s.message());
    }
    ++id;
    append(row, &evbuf);
    for (const auto& r : mrows) append(r, &mebuf);
    if (evbuf.size() + mebuf.size() > (1 << 20)) {
      if (Status s = ev.Write(evbuf); !s.ok()) return s;
      if (Status s = me.Write(mebuf); !s.ok()) return s;
      evbuf.clear();
      mebuf.clear();
    }
  }
  if (Status s = ev.Write(evbuf); !s.ok()) return s;
  if (Status s = me.Write(mebuf); !s.ok()) return s;
  if (Status s = ev.Commit(); !s.ok()) return s;
  if (Status s = me.Commit(); !s.ok()) return s;
  *events_written = id;
  return Status::Ok();
}

}  // namespace sitrep::events
