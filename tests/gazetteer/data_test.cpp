// The shipped tables: every one loads, has a plausible size, refers only
// to countries that countries.tsv has and uses well-formed CAMEO codes;
// malformed tables are rejected with the file and line.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "core/error.h"
#include "core/resources.h"
#include "gazetteer/gazetteer.h"

namespace sitrep::gazetteer {
namespace {

const char* const kFiles[] = {"countries.tsv",     "country_aliases.tsv",   "demonyms.tsv",
                              "subdivisions.tsv",  "subdivision_aliases.tsv", "cities.tsv",            "city_aliases.tsv",
                              "organisations.tsv", "government_bodies.tsv", "roles.tsv",
                              "action_nouns.txt",  "country_geo.tsv",       "regions.tsv"};

std::vector<std::vector<std::string>> Rows(const std::string& file) {
  std::vector<std::vector<std::string>> rows;
  for (std::string_view line : DataLines(Resource("gazetteer/" + file))) {
    std::vector<std::string> f;
    std::size_t p = 0;
    while (true) {
      std::size_t t = line.find('\t', p);
      f.emplace_back(line.substr(p, t == std::string_view::npos ? std::string_view::npos : t - p));
      if (t == std::string_view::npos) break;
      p = t + 1;
    }
    rows.push_back(std::move(f));
  }
  return rows;
}

bool WellFormed(const std::string& code) {
  if (code.empty() || code.size() % 3 || code.size() > 15) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

TEST(GazetteerData, EveryFileSaysWhereItComesFrom) {
  for (const char* f : kFiles) {
    std::string_view text = Resource(std::string("gazetteer/") + f);
    ASSERT_FALSE(text.empty()) << f;
    EXPECT_EQ(text.substr(0, 2), "# ") << f << " must start with a comment header";
    EXPECT_NE(text.find("Columns:"), std::string_view::npos) << f << " must describe its columns";
  }
}

TEST(GazetteerData, RegionCodesAreCameoRegionBlocks) {
  // The GDELT export reads the same region codes from the events tables.
  std::string_view blocks = Resource("events/actor_blocks.tsv");
  for (const auto& row : Rows("regions.tsv")) {
    ASSERT_FALSE(row.empty());
    EXPECT_NE(blocks.find("\n" + row[0] + "\tregion\t"), std::string_view::npos) << row[0];
  }
}

TEST(GazetteerData, RowCountsArePlausible) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> bounds = {
      {"countries.tsv", {245, 260}},        {"country_aliases.tsv", {150, 600}},
      {"demonyms.tsv", {180, 260}},         {"subdivisions.tsv", {4000, 6000}},
      {"cities.tsv", {20000, 30000}},       {"city_aliases.tsv", {50, 500}},       {"subdivision_aliases.tsv", {50, 500}},
      {"organisations.tsv", {150, 400}},    {"government_bodies.tsv", {100, 400}},
      {"roles.tsv", {300, 1500}},           {"action_nouns.txt", {50, 500}},
      {"country_geo.tsv", {245, 260}},      {"regions.tsv", {15, 60}}};
  for (const auto& [file, range] : bounds) {
    std::size_t n = Rows(file).size();
    EXPECT_GE(n, range.first) << file;
    EXPECT_LE(n, range.second) << file;
  }
}

TEST(GazetteerData, CountriesAreConsistent) {
  std::set<std::string> alpha3;
  for (const auto& r : Rows("countries.tsv")) {
    ASSERT_EQ(r.size(), 6u);
    EXPECT_EQ(r[0].size(), 2u);
    EXPECT_EQ(r[1].size(), 3u);
    EXPECT_TRUE(WellFormed(r[2])) << r[2];
    EXPECT_TRUE(alpha3.insert(r[1]).second) << r[1] << " twice";
  }
  for (const char* needed : {"USA", "GBR", "RUS", "CHN", "FRA", "DEU", "UKR", "XKX", "PSE", "TWN"})
    EXPECT_TRUE(alpha3.count(needed)) << needed;
  // Which column holds the country in each table.
  std::map<std::string, std::size_t> country_column = {
      {"country_aliases.tsv", 0}, {"demonyms.tsv", 0},      {"subdivisions.tsv", 0},
      {"cities.tsv", 2},          {"city_aliases.tsv", 2},  {"organisations.tsv", 1},
      {"government_bodies.tsv", 0}, {"country_geo.tsv", 1}};
  for (const auto& [file, col] : country_column) {
    for (const auto& r : Rows(file)) {
      ASSERT_GT(r.size(), col) << file;
      if (r[col] == "-") continue;
      EXPECT_TRUE(alpha3.count(r[col])) << file << ": unknown country " << r[col];
    }
  }
}

TEST(GazetteerData, CameoCodesAreWellFormed) {
  for (const auto& r : Rows("organisations.tsv")) {
    ASSERT_EQ(r.size(), 5u);
    EXPECT_TRUE(WellFormed(r[0])) << r[0];
    EXPECT_TRUE(r[2] == "cameo" || r[2] == "rule") << r[2];
    // International codes start with a generic code; others with a country.
    std::string head = r[0].substr(0, 3);
    bool generic = head == "IGO" || head == "NGO" || head == "NGM" || head == "IMG" || head == "MNC";
    if (!generic) {
      EXPECT_EQ(r[1], head == "PAL" ? "PSE" : head) << r[0];
    }
  }
  for (const auto& r : Rows("government_bodies.tsv")) EXPECT_TRUE(WellFormed(r[1])) << r[2];
  for (const auto& r : Rows("roles.tsv")) {
    ASSERT_EQ(r.size(), 4u);
    EXPECT_TRUE(r[0] == "role" || r[0] == "modifier" || r[0] == "qualifier" || r[0] == "honorific") << r[0];
    EXPECT_TRUE(r[2] == "-" || WellFormed(r[2])) << r[1] << ": " << r[2];
  }
}

TEST(GazetteerData, NoPersonNamesInRoles) {
  // Roles are lower-case words, never names.
  for (const auto& r : Rows("roles.tsv"))
    for (char c : r[1]) EXPECT_FALSE(c >= 'A' && c <= 'Z') << r[1];
}

TEST(GazetteerData, DefaultLoadsEverything) {
  const Gazetteer& g = Gazetteer::Default();
  EXPECT_GT(g.size(), 25000u);
  std::map<Kind, std::size_t> counts;
  for (std::uint32_t i = 0; i < g.size(); ++i) ++counts[g.entry(i).kind];
  EXPECT_GE(counts[kCountry], 245u);
  EXPECT_GE(counts[kDemonym], 180u);
  EXPECT_GE(counts[kSubdivision], 4000u);
  EXPECT_GE(counts[kCity], 20000u);
  EXPECT_GE(counts[kOrganisation], 150u);
  EXPECT_GE(counts[kGovBody], 100u);
  EXPECT_GE(counts[kRole], 250u);
  EXPECT_GE(counts[kRoleModifier], 20u);
  EXPECT_GE(counts[kHonorific], 10u);
  EXPECT_GE(counts[kQualifier], 10u);
  // Every capital city has a country, and there is one for nearly every country.
  std::set<std::string> with_capital;
  for (std::uint32_t i = 0; i < g.size(); ++i)
    if (g.entry(i).kind == kCity && g.entry(i).capital) with_capital.insert(g.entry(i).country);
  EXPECT_GE(with_capital.size(), 190u);
}

TEST(GazetteerData, EveryCountryHasAFipsCode) {
  std::set<std::string> with_fips;
  for (const auto& r : Rows("country_geo.tsv")) {
    ASSERT_EQ(r.size(), 7u);
    EXPECT_EQ(r[2].size(), 2u) << r[1];
    EXPECT_TRUE(with_fips.insert(r[1]).second) << r[1] << " twice";
  }
  const Gazetteer& g = Gazetteer::Default();
  for (const auto& r : Rows("countries.tsv")) {
    EXPECT_TRUE(with_fips.count(r[1])) << r[1] << " has no FIPS 10-4 code";
    const Entry* c = g.Country(r[1]);
    ASSERT_NE(c, nullptr) << r[1];
    EXPECT_EQ(c->fips.size(), 2u) << r[1];
  }
  // FIPS 10-4 codes that differ from ISO alpha-2, as GDELT writes them.
  const std::map<std::string, std::string> known = {
      {"DEU", "GM"}, {"GBR", "UK"}, {"CHN", "CH"}, {"RUS", "RS"}, {"JPN", "JA"}, {"AUT", "AU"},
      {"AUS", "AS"}, {"CHE", "SZ"}, {"ISR", "IS"}, {"IRQ", "IZ"}, {"IRN", "IR"}, {"UKR", "UP"},
      {"USA", "US"}, {"FRA", "FR"}, {"XKX", "KV"}, {"REU", "RE"}, {"MTQ", "MB"}, {"ESP", "SP"}};
  for (const auto& [alpha3, fips] : known) EXPECT_EQ(g.Country(alpha3)->fips, fips) << alpha3;
  // Centres from the Factbook: Germany 51 00 N, 9 00 E; Austria 47 20 N, 13 20 E.
  const Entry* de = g.Country("DEU");
  EXPECT_TRUE(de->located);
  EXPECT_DOUBLE_EQ(de->lat, 51);
  EXPECT_DOUBLE_EQ(de->lon, 9);
  EXPECT_NEAR(g.Country("AUT")->lat, 47 + 20 / 60.0, 1e-4);
  EXPECT_EQ(g.Country("RUS")->short_name, "Russia");
  EXPECT_EQ(g.Country("ZZZ"), nullptr);
}

TEST(GazetteerData, CitiesHaveGeoNamesIdsAndCoordinates) {
  const Gazetteer& g = Gazetteer::Default();
  const Entry* berlin = nullptr;
  for (std::uint32_t id : g.Lookup("Berlin"))
    if (g.entry(id).kind == kCity && g.entry(id).country == "DEU") berlin = &g.entry(id);
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(berlin->geonames_id, 2950159u);  // GeoNames' Berlin
  EXPECT_EQ(berlin->admin1, "16");           // GeoNames' (FIPS) code of the Land Berlin
  EXPECT_TRUE(berlin->located);
  EXPECT_NEAR(berlin->lat, 52.52437, 1e-6);
  EXPECT_NEAR(berlin->lon, 13.41053, 1e-6);
  for (std::uint32_t i = 0; i < g.size(); ++i) {
    const Entry& e = g.entry(i);
    if (e.kind != kCity) continue;
    ASSERT_TRUE(e.located) << e.name;
    ASSERT_GT(e.geonames_id, 0u) << e.name;
  }
}

// A reader that serves the shipped tables except for one replaced file.
Gazetteer::Reader Replacing(std::string file, std::string contents) {
  auto text = std::make_shared<std::string>(std::move(contents));
  return [file, text](std::string_view name) -> std::string_view {
    if (name == file) return *text;
    return Resource(name);
  };
}

std::string LoadError(const Gazetteer::Reader& r) {
  try {
    Gazetteer::Load(r);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(GazetteerData, BadTablesNameFileAndLine) {
  std::string err = LoadError(Replacing("gazetteer/demonyms.tsv", "# header\nRUS\tRussian\tRussians\nZZZ\tZed\t-\n"));
  EXPECT_NE(err.find("demonyms.tsv:3"), std::string::npos) << err;
  EXPECT_NE(err.find("ZZZ"), std::string::npos) << err;

  err = LoadError(Replacing("gazetteer/roles.tsv", "# h\nrole\tpresident\tGOV\n"));
  EXPECT_NE(err.find("roles.tsv:2"), std::string::npos) << err;

  err = LoadError(Replacing("gazetteer/roles.tsv", "# h\nrole\tpresident\tGOVX\t-\n"));
  EXPECT_NE(err.find("roles.tsv:2"), std::string::npos) << err;
  EXPECT_NE(err.find("sector"), std::string::npos) << err;

  err = LoadError(Replacing("gazetteer/organisations.tsv", "# h\n\nIGO-NAT\t-\tcameo\tNATO\t-\n"));
  EXPECT_NE(err.find("organisations.tsv:3"), std::string::npos) << err;

  err = LoadError(Replacing("gazetteer/city_aliases.tsv", "# h\nAtlantis City\tAtlantis\tGRC\n"));
  EXPECT_NE(err.find("city_aliases.tsv:2"), std::string::npos) << err;

  err = LoadError(Replacing("gazetteer/subdivision_aliases.tsv", "# h\nBavaria\tDE-XX\n"));
  EXPECT_NE(err.find("subdivision_aliases.tsv:2"), std::string::npos) << err;

  err = LoadError(Replacing("gazetteer/cities.tsv", "# h\nMoscow\t-\tRUS\tmany\tcapital\t1\t-\t55\t37\n"));
  EXPECT_NE(err.find("cities.tsv:2"), std::string::npos) << err;

  err = LoadError(Replacing("gazetteer/cities.tsv", "# h\nMoscow\t-\tRUS\t1\tcapital\t1\t-\t95\t37\n"));
  EXPECT_NE(err.find("cities.tsv:2: bad coordinates"), std::string::npos) << err;

  err = LoadError(Replacing("gazetteer/country_geo.tsv", "# h\nRU\tRUS\tR\t60\t100\tRussia\tfactbook\n"));
  EXPECT_NE(err.find("country_geo.tsv:2"), std::string::npos) << err;
}

TEST(GazetteerData, LoadFromReaderMatchesDefault) {
  auto g = Gazetteer::Load([](std::string_view name) { return Resource(name); });
  EXPECT_EQ(g->size(), Gazetteer::Default().size());
}

}  // namespace
}  // namespace sitrep::gazetteer
