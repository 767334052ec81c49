// The knowledge layer for named entities: countries, demonyms, country
// subdivisions, cities, international organisations, government bodies,
// roles and titles, each with its country and CAMEO actor code, loaded
// from the tables under data/gazetteer/ (see data/gazetteer/NOTICE).
//
// Names are matched on folded text: case, diacritics and punctuation are
// ignored and tokens are joined without separators, so "U.S." = "US",
// "Cote d'Ivoire" = "Côte d'Ivoire", "vice-president" = "vice president",
// whatever way the tokenizer split them. An alias written in capitals (an
// acronym: "WHO", "US") only matches text whose first letter is a capital.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace sitrep::gazetteer {

// What an entry is. Values are bits so callers can filter with a mask.
enum Kind : std::uint16_t {
  kCountry = 1,
  kDemonym = 2,        // "Russian", "Russians"
  kSubdivision = 4,    // ISO 3166-2: states, provinces, regions
  kCity = 8,
  kOrganisation = 16,  // IGOs, NGOs, armed movements, news agencies
  kGovBody = 32,       // "Kremlin", "White House"; generic "foreign ministry"
  kRole = 64,          // "foreign minister", "spokesman"
  kHonorific = 128,    // "Mr", "Dr": a form of address, no role
  kRoleModifier = 256, // "deputy", "former": joins the role after it
  kQualifier = 512,    // "new", "outgoing": before a role, but not part of it
  kRegion = 1024,      // "Europe", "Middle East", "European": a world region, no country
  kArea = 2048,        // "Donbas", "West Bank": a place no ISO 3166-2 code covers (areas.tsv)
};
inline constexpr std::uint16_t kPlaceKinds = kCountry | kSubdivision | kCity | kArea;
inline constexpr std::uint16_t kAllKinds = 4095;

// One thing the gazetteer knows. What `code` holds depends on the kind:
//   kCountry, kDemonym   the country's CAMEO code (mostly = alpha-3)
//   kSubdivision         its ISO 3166-2 code ("US-GA")
//   kArea                empty
//   kCity                empty
//   kOrganisation        its full CAMEO code ("IGOWSTNAT")
//   kGovBody             the actor code when it has a country ("RUSGOV"),
//                        else the sector alone ("GOVMIL")
//   kRole                the CAMEO sector of a holder ("GOV", "GOVMIL",
//                        "MIL"), empty when the role takes the sector of
//                        the body named with it ("spokesman")
//   kRoleModifier        "ELI" for modifiers that make a holder an elite
//                        ("former"), else empty
//   kRegion              its CAMEO region code ("EUR", "MEA")
//   kQualifier,
//   kHonorific           empty
struct Entry {
  Kind kind = kCountry;
  std::string name;     // canonical name; roles and modifiers in lower case
  std::string country;  // ISO 3166-1 alpha-3, empty when none
  std::string code;
  std::string sector;   // kGovBody: its sector ("GOV"); kRole: = code
  std::uint32_t population = 0;  // kCity
  bool capital = false;          // kCity: a national capital
  bool adjective = false;        // kRegion: its adjective and people ("European", "Europeans")
  // kSubdivision: a state, province, region or the like, not a local unit
  // (a municipality, district, parish or commune).
  bool major = false;
  // Where it is (kCountry: the centre of the country; kCity: the city),
  // from country_geo.tsv and cities.tsv; located is false when unknown.
  bool located = false;
  double lat = 0, lon = 0;
  std::string fips;              // kCountry: FIPS 10-4 code ("GM"), empty when unknown
  std::string short_name;        // kCountry: the Factbook's short name ("Russia"), empty when none
  std::string admin1;            // kCity: GeoNames first-order division code ("16"), empty when none
  std::uint32_t geonames_id = 0; // kCity: GeoNames feature id, 0 when unknown
};

// Entries whose names equal tokens [begin_token, end_token).
struct Match {
  std::uint32_t begin_token = 0;
  std::uint32_t end_token = 0;
  std::uint32_t entry = 0;   // id for Gazetteer::entry()
  bool exact_case = false;   // the text has the case of one of the entry's names
};

class Gazetteer {
 public:
  // Returns the contents of data file `name` ("gazetteer/roles.tsv").
  using Reader = std::function<std::string_view(std::string_view name)>;

  // The gazetteer built from the compiled-in data (or SITREP_DATA), loaded
  // once on first use; safe to call from many threads. Throws ConfigError
  // naming the file and line when a table is malformed.
  static const Gazetteer& Default();

  // Builds a gazetteer from the tables that `read` returns (every file
  // under gazetteer/ that Default() reads). For tests and tools. Throws
  // ConfigError naming the file and line when a table is malformed.
  static std::unique_ptr<Gazetteer> Load(const Reader& read);

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Appends to *out every entry whose name or alias equals tokens[b, e),
  // for every span of tokens[0, n), ordered by begin, then longer spans
  // first, then by entry id. A span never starts or ends with a token that
  // has no letter or digit. Token indexes in the matches are relative to
  // `tokens`. Does not clear *out and allocates nothing else; each token
  // is folded once, so the cost is linear in the text.
  void MatchTokens(const std::string_view* tokens, std::size_t n, std::vector<Match>* out) const;

  // The entry with id `id` (from a Match or Lookup); id < size().
  const Entry& entry(std::uint32_t id) const;
  std::size_t size() const;

  // Ids of the entries that have `name` (folded as above) as a name or
  // alias, in id order; empty when none. Honours the acronym rule.
  std::vector<std::uint32_t> Lookup(std::string_view name) const;

  // The alpha-3 code of the country that `text` names: a country name or
  // alias ("Russia", "US", "the Netherlands"), a demonym ("Russian",
  // "Britons"), an ISO alpha-2 or alpha-3 code in capitals ("RU", "RUS")
  // or a CAMEO country code. A final possessive ('s) is ignored. Cities
  // and other places give nullopt; see PlaceCountry.
  std::optional<std::string> CountryOf(std::string_view text) const;

  // The alpha-3 code of the country that the place, body or organisation
  // `name` is in: CountryOf(name) when it names a country, else the
  // country of a government body or organisation, else of a capital,
  // else of the city or subdivision of that name when only one country
  // has one or its largest city of that name is at least three times as
  // large as any other. nullopt when unknown or ambiguous.
  std::optional<std::string> PlaceCountry(std::string_view name) const;

  // The alpha-3 code of the country whose two-letter domain ends the host
  // of the web address `url` ("https://www.example.co.uk/a" -> "GBR",
  // "news.example.de" -> "DEU"); empty for a generic domain (".com",
  // ".org"), a country-code domain sold worldwide (".tv", ".io"; both
  // from gazetteer/web_domains.tsv), an address with no host, or anything
  // else. Never throws.
  std::string CountryOfWebAddress(std::string_view url) const;

  // Same decision as PlaceCountry over a set of entry ids (e.g. those of
  // one Match span); empty when none applies.
  std::string CountryOfEntries(const std::uint32_t* ids, std::size_t n) const;

  // The kCountry entry of the alpha-3 code `alpha3` (FIPS code and centre
  // coordinates included); nullptr when countries.tsv has no such country.
  const Entry* Country(std::string_view alpha3) const;

  // The US state that a newswire abbreviation written exactly so names
  // ("Mont.", "N.Y."; gazetteer/state_abbreviations.tsv): its subdivision
  // entry, or nullptr. Case and full stops count: "Miss." is a state,
  // "miss" a word.
  const Entry* StateAbbreviation(std::string_view form) const;

  // The CAMEO country code for an alpha-3 code ("TLS" -> "TMP"); the
  // alpha-3 itself when CAMEO has the same code; empty when unknown.
  std::string CameoCountry(std::string_view alpha3) const;

  // True if `word` (any case) is a noun that names an act or stance
  // ("decision", "response"), from gazetteer/action_nouns.txt.
  bool IsActionNoun(std::string_view word) const;

  // The CAMEO sector a word (any case) gives the unlisted organisation whose
  // name it closes ("Holdings" BUS, "Union" LAB), from
  // gazetteer/name_sectors.tsv; empty when none.
  std::string_view NameSector(std::string_view word) const;

 private:
  struct Impl;
  Gazetteer();
  std::unique_ptr<Impl> impl_;
};

// Fills role, country, actor_code and as_actor of every mention in `a`.
// Needs a.tokens, a.sentences and a.mentions (typed by the NER); uses the
// parser's upos/head/deprel when present and falls back to word order when
// they are empty. Only fields it can establish are written; others are
// left as they were.
//  * PERSON: the role comes from a title right before the name ("Deputy
//    Foreign Minister X", "Russian Foreign Minister X", "Kremlin spokesman
//    X", "Russia's deputy foreign minister X", "the Kremlin spokesman, X")
//    or from an apposition after it ("X, the Kremlin spokesman," "X, a
//    spokesman for the Kremlin"), as lower-case canonical words ("deputy
//    foreign minister"). The country comes from a demonym, country or
//    body in that phrase; the actor code is the code of a named body or
//    organisation, else the country's CAMEO code + the role's sector
//    (RUSGOV, USAMIL, RUSGOVMIL), with ELI for "former" holders.
//  * ORG: an organisation or body named by the whole mention gives its
//    code and country ("NATO" -> IGOWSTNAT); otherwise a demonym or
//    country with a generic body ("the Russian Defence Ministry" ->
//    RUS, RUSGOVMIL), inside the mention or right before it.
//  * LOC: the country of the place (a country itself, a capital, a city or
//    subdivision when unambiguous, a government body); the actor code is
//    set for countries and bodies, and for other places that act.
//    as_actor is set when the mention is the nominal subject of a verb
//    ("Moscow said") or conjoined with one ("Moscow and Beijing said"), or
//    is the possessor of an action noun ("Washington's response").
//  * MISC: a demonym or country gives the country and its CAMEO code.
// Never throws on article content; looks only at the tables and the
// article's own tokens.
void DescribeMentions(const Gazetteer& g, Article& a);

}  // namespace sitrep::gazetteer
