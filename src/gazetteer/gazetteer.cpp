#include "gazetteer/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "core/resources.h"
#include "gazetteer/fold.h"

namespace sitrep::gazetteer {

using detail::Fold;
using detail::Folded;

namespace {

// Regions named only by a direction ("West", "North-East", "Central") exist
// in many countries; such a name alone never says which one, and "the West"
// in news is a political bloc, not Cameroon's West Region. Such a name
// alone gets an entry of no country; the regions stay findable by their
// aliases.
bool OnlyCompassWords(std::string_view name) {
  static constexpr std::string_view kWords[] = {"north",    "south",    "east",    "west",      "northern",
                                                "southern", "eastern",  "western", "central",   "centre",
                                                "center",   "northeast", "northwest", "southeast", "southwest"};
  bool any = false;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '-')) ++i;
    std::size_t j = i;
    std::string w;
    while (j < name.size() && name[j] != ' ' && name[j] != '-') {
      char c = name[j++];
      w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (w.empty()) break;
    bool known = false;
    for (std::string_view k : kWords) known = known || w == k;
    if (!known) return false;
    any = true;
    i = j;
  }
  return any;
}

// One row of a data table, split at tabs, with its line number.
struct Row {
  int line = 0;
  std::vector<std::string_view> f;
};

// Rows of table `file`; every row must have exactly `fields` fields.
std::vector<Row> ReadTable(const Gazetteer::Reader& read, const std::string& file, std::size_t fields) {
  std::string_view text = read(file);
  std::vector<Row> rows;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    Row r;
    r.line = line_no;
    std::size_t s = 0;
    while (true) {
      std::size_t t = line.find('\t', s);
      r.f.push_back(line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s));
      if (t == std::string_view::npos) break;
      s = t + 1;
    }
    SITREP_CHECK(r.f.size() == fields, ConfigError,
                 "data/" << file << ":" << line_no << ": expected " << fields << " tab-separated fields, found "
                         << r.f.size());
    for (std::string_view v : r.f)
      SITREP_CHECK(!v.empty(), ConfigError, "data/" << file << ":" << line_no << ": empty field (write - for none)");
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<std::string_view> SplitBar(std::string_view s) {
  std::vector<std::string_view> out;
  if (s == "-") return out;
  std::size_t p = 0;
  while (p <= s.size()) {
    std::size_t b = s.find('|', p);
    if (b == std::string_view::npos) b = s.size();
    if (b > p) out.push_back(s.substr(p, b - p));
    p = b + 1;
  }
  return out;
}

bool IsUpperAlpha(std::string_view s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// A CAMEO code: one or more groups of three capital letters.
bool WellFormedCode(std::string_view s) {
  if (s.empty() || s.size() % 3 != 0 || s.size() > 15) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// Decimal degrees, latitude in [-90, 90] and longitude in [-180, 180].
bool ParseCoordinates(std::string_view lat_text, std::string_view lon_text, double* lat, double* lon) {
  auto parse = [](std::string_view t, double limit, double* v) {
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), *v);
    return ec == std::errc() && end == t.data() + t.size() && *v >= -limit && *v <= limit;
  };
  return parse(lat_text, 90, lat) && parse(lon_text, 180, lon);
}

}  // namespace

struct Gazetteer::Impl {
  struct Posting {
    std::uint32_t entry;
    bool acronym;
    std::uint64_t case_hash;
  };
  struct Slot {
    std::uint64_t key = 0;      // 0 = empty
    std::uint32_t begin = 0;    // postings [begin, begin + count)
    std::uint32_t count = 0;    // 0 = only a prefix of some name
  };

  std::vector<Entry> entries;
  std::vector<Posting> postings;
  std::vector<Slot> table;
  std::uint64_t mask = 0;
  std::size_t max_span = 1;  // most tokens a name can cover
  std::unordered_map<std::string, std::string> alpha2_to_3, cameo_of, alpha3_of_cameo;
  // Two-letter web domains that are no country's code as written: "uk" ->
  // "GBR"; a domain sold worldwide ("tv") -> "".
  std::unordered_map<std::string, std::string> web_domains;
  std::unordered_map<std::string, std::uint32_t> country_entry;  // alpha3 -> entry
  std::vector<std::uint64_t> action_nouns;  // sorted keys
  std::vector<std::pair<std::uint64_t, std::string>> name_sectors;  // sorted by key
  std::unordered_map<std::string, std::uint32_t> state_abbreviations;  // "Mont." -> its subdivision entry

  // Aliases gathered while loading: (entry, text).
  std::vector<std::pair<std::uint32_t, std::string>> aliases;

  const Slot* Find(std::uint64_t key) const {
    std::uint64_t i = (key * 0x9E3779B97F4A7C15ULL) >> 20 & mask;
    while (true) {
      const Slot& s = table[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask;
    }
  }

  std::uint32_t Add(Entry e) {
    entries.push_back(std::move(e));
    return static_cast<std::uint32_t>(entries.size() - 1);
  }
  void Alias(std::uint32_t id, std::string_view text) { aliases.emplace_back(id, std::string(text)); }
  // A town's name as news abbreviates its first word: "St. Paul" for Saint
  // Paul, "Ste. Foy", "Mt. Vernon", "Ft. Worth"; GeoNames writes them out.
  void AbbreviatedAliases(std::uint32_t id, std::string_view name) {
    static constexpr std::pair<std::string_view, std::string_view> kShort[] = {
        {"Saint ", "St"}, {"Sainte ", "Ste"}, {"Mount ", "Mt"}, {"Fort ", "Ft"}};
    for (const auto& [full, abbr] : kShort) {
      if (name.size() <= full.size() || name.substr(0, full.size()) != full) continue;
      const std::string_view rest = name.substr(full.size());
      Alias(id, std::string(abbr) + ". " + std::string(rest));
      Alias(id, std::string(abbr) + " " + std::string(rest));
    }
  }

  void Build();
  void LoadAll(const Reader& read);
};

void Gazetteer::Impl::Build() {
  struct Full {
    std::uint64_t key;
    Posting p;
  };
  std::vector<Full> full;
  std::vector<std::uint64_t> prefixes;
  std::size_t max_words = 1;
  for (const auto& [id, text] : aliases) {
    Folded whole = Fold(text);
    if (whole.empty()) continue;
    full.push_back({whole.Key(), {id, whole.IsAcronym(), whole.hc}});
    Folded acc;
    std::size_t words = 0;
    detail::ForEachWord(text, [&](std::size_t b, std::size_t e) {
      acc.Append(Fold(std::string_view(text).substr(b, e - b)));
      prefixes.push_back(acc.Key());
      ++words;
    });
    max_words = std::max(max_words, words);
  }
  aliases.clear();
  aliases.shrink_to_fit();
  std::sort(full.begin(), full.end(), [](const Full& a, const Full& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.p.entry != b.p.entry) return a.p.entry < b.p.entry;
    if (a.p.case_hash != b.p.case_hash) return a.p.case_hash < b.p.case_hash;
    return a.p.acronym < b.p.acronym;
  });
  full.erase(std::unique(full.begin(), full.end(),
                         [](const Full& a, const Full& b) {
                           return a.key == b.key && a.p.entry == b.p.entry && a.p.case_hash == b.p.case_hash;
                         }),
             full.end());
  std::sort(prefixes.begin(), prefixes.end());
  prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());

  std::size_t cap = 16;
  while (cap < prefixes.size() * 2 + 16) cap <<= 1;
  table.assign(cap, Slot{});
  mask = cap - 1;
  auto slot_for = [&](std::uint64_t key) -> Slot& {
    std::uint64_t i = (key * 0x9E3779B97F4A7C15ULL) >> 20 & mask;
    while (table[i].key != 0 && table[i].key != key) i = (i + 1) & mask;
    table[i].key = key;
    return table[i];
  };
  for (std::uint64_t k : prefixes) slot_for(k);
  postings.reserve(full.size());
  for (std::size_t i = 0; i < full.size();) {
    std::size_t j = i;
    Slot& s = slot_for(full[i].key);
    s.begin = static_cast<std::uint32_t>(postings.size());
    while (j < full.size() && full[j].key == full[i].key) postings.push_back(full[j++].p);
    s.count = static_cast<std::uint32_t>(j - i);
    i = j;
  }
  // A tokenizer may split punctuation inside a name into tokens of its own
  // ("Guinea - Bissau", "d ' Ivoire"), so allow for one between words.
  max_span = std::min<std::size_t>(32, max_words * 2 + 1);
}

void Gazetteer::Impl::LoadAll(const Reader& read) {
  auto need_country = [&](std::string_view a3, const char* file, int line) {
    SITREP_CHECK(a3.size() == 3 && country_entry.count(std::string(a3)), ConfigError,
                 "data/gazetteer/" << file << ":" << line << ": unknown country '" << a3 << "'");
  };

  for (const Row& r : ReadTable(read, "gazetteer/countries.tsv", 6)) {
    SITREP_CHECK(IsUpperAlpha(r.f[0], 2) && IsUpperAlpha(r.f[1], 3) && WellFormedCode(r.f[2]), ConfigError,
                 "data/gazetteer/countries.tsv:" << r.line << ": bad alpha-2, alpha-3 or CAMEO code");
    std::string a3(r.f[1]);
    SITREP_CHECK(!country_entry.count(a3), ConfigError,
                 "data/gazetteer/countries.tsv:" << r.line << ": country " << a3 << " listed twice");
    Entry e;
    e.kind = kCountry;
    e.name = std::string(r.f[3]);
    e.country = a3;
    e.code = std::string(r.f[2]);
    std::uint32_t id = Add(std::move(e));
    country_entry[a3] = id;
    alpha2_to_3[std::string(r.f[0])] = a3;
    cameo_of[a3] = std::string(r.f[2]);
    if (r.f[2].size() == 3) alpha3_of_cameo.emplace(std::string(r.f[2]), a3);
    Alias(id, r.f[3]);
    if (r.f[4] != "-") Alias(id, r.f[4]);
    if (r.f[5] != "-") Alias(id, r.f[5]);
  }
  for (const Row& r : ReadTable(read, "gazetteer/country_geo.tsv", 7)) {
    need_country(r.f[1], "country_geo.tsv", r.line);
    SITREP_CHECK(IsUpperAlpha(r.f[2], 2), ConfigError,
                 "data/gazetteer/country_geo.tsv:" << r.line << ": bad FIPS code '" << r.f[2] << "'");
    Entry& e = entries[country_entry[std::string(r.f[1])]];
    e.fips = std::string(r.f[2]);
    if (r.f[5] != "-") e.short_name = std::string(r.f[5]);
    if (r.f[3] != "-" || r.f[4] != "-") {
      SITREP_CHECK(ParseCoordinates(r.f[3], r.f[4], &e.lat, &e.lon), ConfigError,
                   "data/gazetteer/country_geo.tsv:" << r.line << ": bad coordinates");
      e.located = true;
    }
  }
  for (const Row& r : ReadTable(read, "gazetteer/country_aliases.tsv", 2)) {
    need_country(r.f[0], "country_aliases.tsv", r.line);
    Alias(country_entry[std::string(r.f[0])], r.f[1]);
  }
  for (const Row& r : ReadTable(read, "gazetteer/demonyms.tsv", 3)) {
    need_country(r.f[0], "demonyms.tsv", r.line);
    auto adjectives = SplitBar(r.f[1]);
    auto people = SplitBar(r.f[2]);
    SITREP_CHECK(!adjectives.empty(), ConfigError, "data/gazetteer/demonyms.tsv:" << r.line << ": no adjective");
    Entry e;
    e.kind = kDemonym;
    e.name = std::string(adjectives[0]);
    e.country = std::string(r.f[0]);
    e.code = cameo_of[e.country];
    std::uint32_t id = Add(std::move(e));
    for (auto a : adjectives) Alias(id, a);
    for (auto p : people) Alias(id, p);
  }
  std::unordered_map<std::string, std::uint32_t> subdivision_by_code;
  // ISO 3166-2 categories of local units, which a town of another country
  // may outrank; every other category (state, province, region,
  // department, county, ...) names a large part of its country.
  static constexpr std::string_view kLocal[] = {
      "Municipality", "District", "Parish", "Local council", "Commune", "Quarter", "Rural municipality",
      "Urban municipality", "District municipality", "Special municipality", "City", "Metropolitan district",
      "London borough", "Unitary authority", "Council area", "Administrative atoll", "Two-tier county",
      "City with county rights", "Rayon", "Town", "Town council", "Borough", "Island council", "Island",
      "City municipality", "Ward", "Administrative precinct"};
  for (const Row& r : ReadTable(read, "gazetteer/subdivisions.tsv", 5)) {
    need_country(r.f[0], "subdivisions.tsv", r.line);
    Entry e;
    e.kind = kSubdivision;
    e.name = std::string(r.f[2]);
    e.country = std::string(r.f[0]);
    e.code = std::string(r.f[1]);
    e.major = std::find(std::begin(kLocal), std::end(kLocal), r.f[4]) == std::end(kLocal);
    std::uint32_t id = Add(std::move(e));
    subdivision_by_code.emplace(std::string(r.f[1]), id);
    if (!OnlyCompassWords(r.f[2])) {
      Alias(id, r.f[2]);
    } else {
      // The bare name still marks a region for the recogniser (its model
      // reads these bits), but through an entry of no country.
      Entry bare;
      bare.kind = kSubdivision;
      bare.name = std::string(r.f[2]);
      Alias(Add(std::move(bare)), r.f[2]);
    }
    for (auto a : SplitBar(r.f[3])) Alias(id, a);
  }
  for (const Row& r : ReadTable(read, "gazetteer/subdivision_aliases.tsv", 2)) {
    auto it = subdivision_by_code.find(std::string(r.f[1]));
    SITREP_CHECK(it != subdivision_by_code.end(), ConfigError,
                 "data/gazetteer/subdivision_aliases.tsv:" << r.line << ": no subdivision '" << r.f[1]
                                                           << "' in subdivisions.tsv");
    Alias(it->second, r.f[0]);
  }
  for (const Row& r : ReadTable(read, "gazetteer/state_abbreviations.tsv", 2)) {
    auto it = subdivision_by_code.find(std::string(r.f[1]));
    SITREP_CHECK(it != subdivision_by_code.end(), ConfigError,
                 "data/gazetteer/state_abbreviations.tsv:" << r.line << ": no subdivision '" << r.f[1]
                                                            << "' in subdivisions.tsv");
    state_abbreviations.emplace(std::string(r.f[0]), it->second);
  }
  // Areas no ISO code covers, of their country or of none.
  for (const Row& r : ReadTable(read, "gazetteer/areas.tsv", 3)) {
    Entry e;
    e.kind = kArea;
    e.name = std::string(r.f[0]);
    if (r.f[1] != "-") {
      need_country(r.f[1], "areas.tsv", r.line);
      e.country = std::string(r.f[1]);
    }
    std::uint32_t id = Add(std::move(e));
    Alias(id, r.f[0]);
    for (auto a : SplitBar(r.f[2])) Alias(id, a);
  }
  std::unordered_map<std::string, std::uint32_t> city_by_name;  // "A3\tname" -> entry
  for (const Row& r : ReadTable(read, "gazetteer/cities.tsv", 9)) {
    need_country(r.f[2], "cities.tsv", r.line);
    std::uint64_t pop = 0;
    for (char c : r.f[3]) {
      SITREP_CHECK(c >= '0' && c <= '9' && pop < 10000000000ULL, ConfigError,
                   "data/gazetteer/cities.tsv:" << r.line << ": bad population '" << r.f[3] << "'");
      pop = pop * 10 + static_cast<std::uint64_t>(c - '0');
    }
    SITREP_CHECK(r.f[4] == "capital" || r.f[4] == "-", ConfigError,
                 "data/gazetteer/cities.tsv:" << r.line << ": last field must be 'capital' or '-'");
    Entry e;
    e.kind = kCity;
    e.name = std::string(r.f[0]);
    e.country = std::string(r.f[2]);
    e.population = static_cast<std::uint32_t>(std::min<std::uint64_t>(pop, 0xFFFFFFFFu));
    e.capital = r.f[4] == "capital";
    auto [end, ec] = std::from_chars(r.f[5].data(), r.f[5].data() + r.f[5].size(), e.geonames_id);
    SITREP_CHECK(ec == std::errc() && end == r.f[5].data() + r.f[5].size(), ConfigError,
                 "data/gazetteer/cities.tsv:" << r.line << ": bad GeoNames id '" << r.f[5] << "'");
    if (r.f[6] != "-") e.admin1 = std::string(r.f[6]);
    SITREP_CHECK(ParseCoordinates(r.f[7], r.f[8], &e.lat, &e.lon), ConfigError,
                 "data/gazetteer/cities.tsv:" << r.line << ": bad coordinates");
    e.located = true;
    std::uint32_t id = Add(std::move(e));
    Alias(id, r.f[0]);
    AbbreviatedAliases(id, r.f[0]);
    city_by_name.emplace(std::string(r.f[2]) + "\t" + std::string(r.f[0]), id);
    if (r.f[1] != "-") {
      Alias(id, r.f[1]);
      AbbreviatedAliases(id, r.f[1]);
      city_by_name.emplace(std::string(r.f[2]) + "\t" + std::string(r.f[1]), id);
    }
  }
  for (const Row& r : ReadTable(read, "gazetteer/city_aliases.tsv", 3)) {
    need_country(r.f[2], "city_aliases.tsv", r.line);
    auto it = city_by_name.find(std::string(r.f[2]) + "\t" + std::string(r.f[1]));
    SITREP_CHECK(it != city_by_name.end(), ConfigError,
                 "data/gazetteer/city_aliases.tsv:" << r.line << ": no city '" << r.f[1] << "' in " << r.f[2]
                                                    << " in cities.tsv");
    Alias(it->second, r.f[0]);
  }
  for (const Row& r : ReadTable(read, "gazetteer/organisations.tsv", 5)) {
    SITREP_CHECK(WellFormedCode(r.f[0]), ConfigError,
                 "data/gazetteer/organisations.tsv:" << r.line << ": bad CAMEO code '" << r.f[0] << "'");
    if (r.f[1] != "-") need_country(r.f[1], "organisations.tsv", r.line);
    SITREP_CHECK(r.f[2] == "cameo" || r.f[2] == "rule", ConfigError,
                 "data/gazetteer/organisations.tsv:" << r.line << ": source must be 'cameo' or 'rule'");
    Entry e;
    e.kind = kOrganisation;
    e.name = std::string(r.f[3]);
    e.country = r.f[1] == "-" ? std::string() : std::string(r.f[1]);
    e.code = std::string(r.f[0]);
    std::uint32_t id = Add(std::move(e));
    Alias(id, r.f[3]);
    for (auto a : SplitBar(r.f[4])) Alias(id, a);
  }
  for (const Row& r : ReadTable(read, "gazetteer/regions.tsv", 4)) {
    SITREP_CHECK(IsUpperAlpha(r.f[0], 3), ConfigError,
                 "data/gazetteer/regions.tsv:" << r.line << ": bad CAMEO region code '" << r.f[0] << "'");
    Entry e;
    e.kind = kRegion;
    e.name = std::string(r.f[1]);
    e.code = std::string(r.f[0]);
    Entry adj = e;
    std::uint32_t id = Add(std::move(e));
    Alias(id, r.f[1]);
    for (auto a : SplitBar(r.f[2])) Alias(id, a);
    auto adjectives = SplitBar(r.f[3]);
    if (!adjectives.empty()) {
      adj.name = std::string(adjectives[0]);
      adj.adjective = true;
      std::uint32_t aid = Add(std::move(adj));
      for (auto a : adjectives) Alias(aid, a);
    }
  }
  for (const Row& r : ReadTable(read, "gazetteer/government_bodies.tsv", 4)) {
    if (r.f[0] != "-") need_country(r.f[0], "government_bodies.tsv", r.line);
    SITREP_CHECK(WellFormedCode(r.f[1]), ConfigError,
                 "data/gazetteer/government_bodies.tsv:" << r.line << ": bad sector '" << r.f[1] << "'");
    Entry e;
    e.kind = kGovBody;
    e.name = std::string(r.f[2]);
    e.sector = std::string(r.f[1]);
    if (r.f[0] != "-") {
      e.country = std::string(r.f[0]);
      e.code = cameo_of[e.country] + e.sector;
    } else {
      e.code = e.sector;
    }
    std::uint32_t id = Add(std::move(e));
    Alias(id, r.f[2]);
    for (auto a : SplitBar(r.f[3])) Alias(id, a);
  }
  std::unordered_map<std::string, std::uint32_t> role_by_name;  // "kind\tcanonical" -> entry
  for (const Row& r : ReadTable(read, "gazetteer/roles.tsv", 4)) {
    Kind k;
    if (r.f[0] == "role") {
      k = kRole;
    } else if (r.f[0] == "modifier") {
      k = kRoleModifier;
    } else if (r.f[0] == "qualifier") {
      k = kQualifier;
    } else if (r.f[0] == "honorific") {
      k = kHonorific;
    } else {
      SITREP_THROW(ConfigError, "data/gazetteer/roles.tsv:" << r.line << ": unknown kind '" << r.f[0] << "'");
    }
    std::string sector = r.f[2] == "-" ? std::string() : std::string(r.f[2]);
    SITREP_CHECK(sector.empty() || WellFormedCode(sector), ConfigError,
                 "data/gazetteer/roles.tsv:" << r.line << ": bad sector '" << r.f[2] << "'");
    SITREP_CHECK((k != kHonorific && k != kQualifier) || sector.empty(), ConfigError,
                 "data/gazetteer/roles.tsv:" << r.line << ": an honorific or qualifier has no sector");
    SITREP_CHECK(k != kRoleModifier || sector.empty() || sector == "ELI", ConfigError,
                 "data/gazetteer/roles.tsv:" << r.line << ": a modifier's sector is ELI or -");
    std::string canonical(r.f[3] == "-" ? r.f[1] : r.f[3]);
    for (char c : canonical)
      SITREP_CHECK(!(c >= 'A' && c <= 'Z'), ConfigError,
                   "data/gazetteer/roles.tsv:" << r.line << ": roles are written in lower case");
    std::string key = std::string(r.f[0]) + "\t" + canonical;
    auto it = role_by_name.find(key);
    std::uint32_t id;
    if (it == role_by_name.end()) {
      Entry e;
      e.kind = k;
      e.name = canonical;
      e.code = sector;
      e.sector = sector;
      id = Add(std::move(e));
      role_by_name.emplace(key, id);
    } else {
      id = it->second;
      SITREP_CHECK(entries[id].code == sector, ConfigError,
                   "data/gazetteer/roles.tsv:" << r.line << ": '" << canonical << "' has two sectors");
    }
    Alias(id, r.f[1]);
  }
  for (const Row& r : ReadTable(read, "gazetteer/action_nouns.txt", 1)) {
    Folded f = Fold(r.f[0]);
    SITREP_CHECK(!f.empty(), ConfigError, "data/gazetteer/action_nouns.txt:" << r.line << ": empty word");
    action_nouns.push_back(f.Key());
  }
  std::sort(action_nouns.begin(), action_nouns.end());
  for (const Row& r : ReadTable(read, "gazetteer/name_sectors.tsv", 2)) {
    Folded f = Fold(r.f[0]);
    SITREP_CHECK(!f.empty() && !r.f[1].empty(), ConfigError,
                 "data/gazetteer/name_sectors.tsv:" << r.line << ": empty word or sector");
    name_sectors.emplace_back(f.Key(), std::string(r.f[1]));
  }
  std::sort(name_sectors.begin(), name_sectors.end());
  for (const Row& r : ReadTable(read, "gazetteer/web_domains.tsv", 2)) {
    std::string country;
    if (r.f[1] != "-") {
      auto it = alpha2_to_3.find(std::string(r.f[1]));
      SITREP_CHECK(it != alpha2_to_3.end(), ConfigError,
                   "data/gazetteer/web_domains.tsv:" << r.line << ": no country '" << r.f[1] << "'");
      country = it->second;
    }
    web_domains[std::string(r.f[0])] = country;
  }
  Build();
}

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;

std::unique_ptr<Gazetteer> Gazetteer::Load(const Reader& read) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->impl_->LoadAll(read);
  return g;
}

const Gazetteer& Gazetteer::Default() {
  static const std::unique_ptr<Gazetteer> g = Load([](std::string_view name) { return Resource(name); });
  return *g;
}

const Entry& Gazetteer::entry(std::uint32_t id) const { return impl_->entries[id]; }

const Entry* Gazetteer::StateAbbreviation(std::string_view form) const {
  auto it = impl_->state_abbreviations.find(std::string(form));
  return it == impl_->state_abbreviations.end() ? nullptr : &impl_->entries[it->second];
}

const Entry* Gazetteer::Country(std::string_view alpha3) const {
  auto it = impl_->country_entry.find(std::string(alpha3));
  return it == impl_->country_entry.end() ? nullptr : &impl_->entries[it->second];
}
std::size_t Gazetteer::size() const { return impl_->entries.size(); }

void Gazetteer::MatchTokens(const std::string_view* tokens, std::size_t n, std::vector<Match>* out) const {
  const Impl& im = *impl_;
  constexpr std::size_t kRing = 32;
  Folded ring[kRing];
  std::size_t folded = 0;  // tokens [0, folded) have been folded into the ring
  for (std::size_t b = 0; b < n; ++b) {
    if (b >= folded) {
      ring[b % kRing] = Fold(tokens[b]);
      folded = b + 1;
    }
    const Folded& first = ring[b % kRing];
    if (first.empty()) continue;
    Folded acc;
    std::size_t block = out->size();
    std::size_t limit = std::min(n, b + im.max_span);
    for (std::size_t e = b; e < limit; ++e) {
      if (e >= folded) {
        ring[e % kRing] = Fold(tokens[e]);
        folded = e + 1;
      }
      const Folded& t = ring[e % kRing];
      acc.Append(t);
      const Impl::Slot* s = im.Find(acc.Key());
      if (s == nullptr) break;
      if (t.empty() || s->count == 0) continue;
      // Emitted in descending entry order; the block is reversed below so
      // that longer spans come first and entries ascend within a span.
      for (std::uint32_t k = s->begin + s->count; k > s->begin;) {
        const Impl::Posting& p = im.postings[--k];
        std::uint32_t id = p.entry;
        bool allowed = false, exact = false;
        std::uint32_t j = k + 1;
        // Postings of one entry are adjacent: fold them into one match.
        while (true) {
          const Impl::Posting& q = im.postings[j - 1];
          if (!q.acronym || acc.first_upper) allowed = true;
          if (q.case_hash == acc.hc) exact = true;
          if (j - 1 == s->begin || im.postings[j - 2].entry != id) break;
          --j;
        }
        k = j - 1;
        if (allowed)
          out->push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e + 1), id, exact});
      }
    }
    std::reverse(out->begin() + static_cast<std::ptrdiff_t>(block), out->end());
  }
}

std::vector<std::uint32_t> Gazetteer::Lookup(std::string_view name) const {
  std::vector<std::uint32_t> ids;
  Folded f = Fold(name);
  if (f.empty()) return ids;
  const Impl::Slot* s = impl_->Find(f.Key());
  if (s == nullptr || s->count == 0) return ids;
  for (std::uint32_t k = s->begin; k < s->begin + s->count; ++k) {
    const Impl::Posting& p = impl_->postings[k];
    if (p.acronym && !f.first_upper) continue;
    if (ids.empty() || ids.back() != p.entry) ids.push_back(p.entry);
  }
  return ids;
}

namespace {
std::string_view StripPossessive(std::string_view s) {
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  for (std::string_view suf : {std::string_view("'s"), std::string_view("\xE2\x80\x99s"), std::string_view("'"),
                               std::string_view("\xE2\x80\x99")}) {
    if (s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf) return s.substr(0, s.size() - suf.size());
  }
  return s;
}
}  // namespace

std::optional<std::string> Gazetteer::CountryOf(std::string_view text) const {
  std::string_view s = StripPossessive(text);
  if (IsUpperAlpha(s, 2)) {
    auto it = impl_->alpha2_to_3.find(std::string(s));
    if (it != impl_->alpha2_to_3.end()) return it->second;
  }
  if (IsUpperAlpha(s, 3)) {
    if (impl_->cameo_of.count(std::string(s))) return std::string(s);
    auto it = impl_->alpha3_of_cameo.find(std::string(s));
    if (it != impl_->alpha3_of_cameo.end()) return it->second;
  }
  std::vector<std::uint32_t> ids = Lookup(s);
  for (std::uint32_t id : ids)
    if (entry(id).kind == kCountry) return entry(id).country;
  for (std::uint32_t id : ids)
    if (entry(id).kind == kDemonym) return entry(id).country;
  return std::nullopt;
}

std::string Gazetteer::CountryOfWebAddress(std::string_view url) const {
  std::string_view host = url;
  if (const std::size_t scheme = host.find("://"); scheme != std::string_view::npos) host.remove_prefix(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  host = host.substr(0, host.find(':'));
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || host.size() - dot != 3) return {};
  std::string label(host.substr(dot + 1));
  for (char& c : label) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (auto it = impl_->web_domains.find(label); it != impl_->web_domains.end()) return it->second;
  for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto it = impl_->alpha2_to_3.find(label);
  return it == impl_->alpha2_to_3.end() ? std::string() : it->second;
}

std::string Gazetteer::CountryOfEntries(const std::uint32_t* ids, std::size_t n) const {
  for (std::size_t i = 0; i < n; ++i)
    if (entry(ids[i]).kind == kCountry) return entry(ids[i]).country;
  // A world region has no country, whatever towns share its name ("Asia").
  for (std::size_t i = 0; i < n; ++i)
    if (entry(ids[i]).kind == kRegion && !entry(ids[i]).adjective) return std::string();
  // So has an area that claims none (disputed land, a sea several
  // countries border), whatever province or town shares its name ("Red
  // Sea" is also a state of Sudan).
  for (std::size_t i = 0; i < n; ++i)
    if (entry(ids[i]).kind == kArea && entry(ids[i]).country.empty()) return std::string();
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& e = entry(ids[i]);
    if ((e.kind == kGovBody || e.kind == kOrganisation) && !e.country.empty()) return e.country;
  }
  std::string capital;
  bool capitals_agree = true;
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& e = entry(ids[i]);
    if (e.kind != kCity || !e.capital) continue;
    if (capital.empty()) capital = e.country;
    else if (capital != e.country) capitals_agree = false;
  }
  // A national capital wins, unless it is a small one beside a state or
  // province of another country, or beside a city of another country
  // three times its size ("Victoria", "Hamilton").
  if (!capital.empty() && capitals_agree) {
    std::uint64_t capital_size = 0, rival = 0;
    bool other_major = false;
    for (std::size_t i = 0; i < n; ++i) {
      const Entry& e = entry(ids[i]);
      if (e.kind == kCity && e.capital) capital_size = std::max<std::uint64_t>(capital_size, e.population);
      if (e.country == capital || e.country.empty()) continue;
      if (e.kind == kCity) rival = std::max<std::uint64_t>(rival, e.population);
      other_major = other_major || (e.kind == kSubdivision && e.major);
    }
    if (!other_major && rival < 3 * capital_size) return capital;
  } else if (!capital.empty()) {
    return std::string();
  }
  std::string only;
  bool agree = true;
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& e = entry(ids[i]);
    if (e.kind != kCity && e.kind != kSubdivision && e.kind != kArea) continue;
    if (only.empty()) only = e.country;
    else if (only != e.country) agree = false;
  }
  if (only.empty()) return std::string();
  if (agree) return only;
  // A state or province outranks towns of other countries ("Colorado" is
  // the US state, not the Brazilian town), unless one of them is a city
  // of a million or more.
  std::string major;
  bool majors_agree = true;
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& e = entry(ids[i]);
    if (e.kind != kSubdivision || !e.major || e.country.empty()) continue;
    if (major.empty()) major = e.country;
    else if (major != e.country) majors_agree = false;
  }
  if (!major.empty() && majors_agree) {
    std::uint64_t rival = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Entry& e = entry(ids[i]);
      if (e.kind == kCity && e.country != major) rival = std::max<std::uint64_t>(rival, e.population);
    }
    if (rival < 1000000) return major;
  }
  // Several countries: the largest city wins if it dwarfs every city of
  // another country ("Paris" is the French one, "Hyderabad" is unclear).
  const Entry* largest = nullptr;
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& e = entry(ids[i]);
    if (e.kind == kCity && (largest == nullptr || e.population > largest->population)) largest = &e;
  }
  if (largest == nullptr) return std::string();
  std::uint64_t rival = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Entry& e = entry(ids[i]);
    if (e.kind == kCity && e.country != largest->country) rival = std::max<std::uint64_t>(rival, e.population);
  }
  if (static_cast<std::uint64_t>(largest->population) >= 3 * rival) return largest->country;
  return std::string();
}

std::optional<std::string> Gazetteer::PlaceCountry(std::string_view name) const {
  std::string_view s = StripPossessive(name);
  if (auto c = CountryOf(s)) return c;
  std::vector<std::uint32_t> ids = Lookup(s);
  std::string c = CountryOfEntries(ids.data(), ids.size());
  if (c.empty()) return std::nullopt;
  return c;
}

std::string Gazetteer::CameoCountry(std::string_view alpha3) const {
  auto it = impl_->cameo_of.find(std::string(alpha3));
  return it == impl_->cameo_of.end() ? std::string() : it->second;
}

bool Gazetteer::IsActionNoun(std::string_view word) const {
  Folded f = Fold(word);
  if (f.empty()) return false;
  return std::binary_search(impl_->action_nouns.begin(), impl_->action_nouns.end(), f.Key());
}

std::string_view Gazetteer::NameSector(std::string_view word) const {
  Folded f = Fold(word);
  if (f.empty()) return {};
  auto it = std::lower_bound(impl_->name_sectors.begin(), impl_->name_sectors.end(), f.Key(),
                             [](const auto& x, std::uint64_t k) { return x.first < k; });
  if (it == impl_->name_sectors.end() || it->first != f.Key()) return {};
  return it->second;
}

}  // namespace sitrep::gazetteer
