#include "events/gdelt.h"

#include <simdjson.h>

#include <cstdio>
#include <fstream>

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

// CAMEO actor codes are three-letter blocks: a country or international
// actor first, then role types. These blocks are types, not countries.
bool IsTypeBlock(std::string_view b) {
  static const char* kTypes[] = {"GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG", "CVL", "MED", "LAB", "EDU",
                                 "BUS", "UAF", "INS", "SPY", "AGR", "HLH", "REF", "REL", "IGO", "NGO", "CRM",
                                 "ELI", "HRI", "SEP", "MOD", "RAD", "ENV", "DEV", "MNC", "NGM", "SET", "AMN"};
  for (const char* t : kTypes) {
    if (b == t) return true;
  }
  return false;
}

// Actor{Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
// Religion2Code, Type1Code, Type2Code, Type3Code}.
void ActorColumns(simdjson::simdjson_result<element> actor, std::vector<std::string>* row) {
  element a;
  if (actor.get(a) || !a.is_object()) {
    row->insert(row->end(), 10, std::string());
    return;
  }
  std::string code = Str(a["actor_code"]);
  row->push_back(code);
  row->push_back(Clean(Upper(Str(a["name"]))));
  std::vector<std::string> blocks;
  for (std::size_t i = 0; i + 3 <= code.size(); i += 3) blocks.push_back(code.substr(i, 3));
  std::string country, group;
  std::vector<std::string> types;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i == 0 && !IsTypeBlock(blocks[i])) {
      country = blocks[i];
    } else if (IsTypeBlock(blocks[i])) {
      types.push_back(blocks[i]);
    } else if (group.empty()) {
      group = blocks[i];  // e.g. WST NAT after IGO: a known group
    }
  }
  row->push_back(country);
  row->push_back(group);
  row->insert(row->end(), 3, std::string());  // ethnic, religion 1 and 2: not coded
  for (std::size_t i = 0; i < 3; ++i) row->push_back(i < types.size() ? types[i] : std::string());
}

// Geo_{Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID}.
void GeoColumns(simdjson::simdjson_result<element> place, std::vector<std::string>* row) {
  element p;
  if (place.get(p) || !p.is_object()) {
    row->push_back("0");
    row->insert(row->end(), 7, std::string());
    return;
  }
  std::string country = Str(p["country"]);
  std::string name = Clean(Str(p["name"]));
  // Without coordinates sitrep knows a place by name and country only;
  // type 1 (country) when the place is its own country, else 4 (city or landmark).
  row->push_back(name.empty() ? "0" : "4");
  row->push_back(name);
  row->push_back(country);  // ISO 3166-1 alpha-3 (GDELT uses FIPS 10-4)
  row->insert(row->end(), 4, std::string());
  row->push_back(Str(p["entity"]));
}

}  // namespace

Result<std::unordered_map<std::string, GdeltArticle>> ReadGdeltArticles(const std::string& path) {
  std::unordered_map<std::string, GdeltArticle> out;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kIoError, "cannot read " + path);
  simdjson::dom::parser parser;
  std::string line;
  while (std::getline(in, line)) {
    object o;
    if (line.empty() || parser.parse(line).get_object().get(o)) continue;
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
    if (!o["text"].get_string().get(text)) {
      for (char c : text) a.text_length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    out.emplace(Str(o["id"]), std::move(a));
  }
  return out;
}

Status GdeltRows(std::string_view event_line, std::uint64_t global_id,
                 const std::unordered_map<std::string, GdeltArticle>& articles, std::vector<std::string>* row,
                 std::vector<std::vector<std::string>>* mention_rows) {
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
  ActorColumns(e["source"], row);
  ActorColumns(e["target"], row);
  // Mentions, and the article of the first one.
  simdjson::dom::array mentions;
  const GdeltArticle* first = nullptr;
  std::uint64_t first_sentence = 0;
  std::string first_id;
  std::uint64_t num_mentions = 0;
  std::string earliest;
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
      if (art) {
        while (sentence_no < art->sentence_starts.size() && art->sentence_starts[sentence_no] <= sstart) ++sentence_no;
        if (!art->published.empty() && (earliest.empty() || art->published < earliest)) earliest = art->published;
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
      mr.push_back("-1");                                                                // Actor1CharOffset
      mr.push_back("-1");                                                                // Actor2CharOffset
      mr.push_back(std::to_string(sstart));                                              // ActionCharOffset (sentence)
      mr.push_back("1");                                                                 // InRawText
      mr.push_back(attributed ? "50" : "100");                                           // Confidence
      mr.push_back(std::to_string(art ? art->text_length : send));                       // MentionDocLen
      mr.push_back("0");                                                                 // MentionDocTone
      mr.push_back("");                                                                  // MentionDocTranslationInfo
      mr.push_back("");                                                                  // Extras
      mention_rows->push_back(std::move(mr));
    }
  }
  bool root_event = first && !first->sentence_starts.empty() && first->sentence_starts.front() == first_sentence;
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
  row->push_back("0");  // AvgTone: sitrep does not score tone
  GeoColumns(simdjson::simdjson_result<element>(simdjson::NO_SUCH_FIELD), row);  // Actor1Geo: not known
  GeoColumns(simdjson::simdjson_result<element>(simdjson::NO_SUCH_FIELD), row);  // Actor2Geo: not known
  GeoColumns(e["location"], row);                                                  // ActionGeo
  std::string added = SqlDate(earliest);
  row->push_back(added.size() == 8 ? added + "000000" : std::string());  // DATEADDED: first publication
  row->push_back(Clean(first ? first->url : first_id));
  return Status::Ok();
}

Status ExportGdelt(const std::string& dir, const std::string& prefix, std::uint64_t* events_written) {
  auto articles = ReadGdeltArticles(dir + "/articles.jsonl");
  if (!articles.ok()) return articles.status();
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
    if (Status s = GdeltRows(line, id + 1, articles.value(), &row, &mrows); !s.ok()) {
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
