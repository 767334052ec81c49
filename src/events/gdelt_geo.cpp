#include "events/gdelt_geo.h"

#include <cstdio>

namespace sitrep::events {
namespace {

using gazetteer::Entry;

// Tabs and newlines would break the table.
std::string Clean(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// "Russia" rather than ISO's "Russian Federation", as GDELT names places.
const std::string& CountryName(const Entry& c) { return c.short_name.empty() ? c.name : c.short_name; }

GdeltGeo FromCountry(const Entry& c) {
  GdeltGeo geo;
  if (c.fips.empty()) return geo;
  geo.type = GeoType::kCountry;
  geo.full_name = Clean(CountryName(c));
  geo.country = c.fips;
  geo.adm1 = c.fips;
  geo.feature_id = c.fips;
  geo.located = c.located;
  geo.lat = c.lat;
  geo.lon = c.lon;
  return geo;
}

// `name` is the place as the text names it ("Geneva"), which may be an
// alias of the gazetteer's local name ("Genève").
GdeltGeo FromCity(std::string_view name, const Entry& city, const Entry& country) {
  GdeltGeo geo;
  if (country.fips.empty()) return geo;
  geo.type = country.fips == "US" ? GeoType::kUsCity : GeoType::kWorldCity;
  geo.full_name = Clean(std::string(name) + ", " + CountryName(country));
  geo.country = country.fips;
  // GeoNames' first-order division codes are FIPS 10-4 ADM1 codes for most
  // countries (and the postal state code in the US, as GDELT writes it).
  geo.adm1 = country.fips + city.admin1;
  geo.located = city.located;
  geo.lat = city.lat;
  geo.lon = city.lon;
  geo.feature_id = city.geonames_id ? std::to_string(city.geonames_id) : geo.adm1;
  return geo;
}

GdeltGeo FromSubdivision(std::string_view name, const Entry& sub, const Entry& country) {
  GdeltGeo geo;
  if (country.fips.empty()) return geo;
  const bool us = country.fips == "US";
  geo.type = us ? GeoType::kUsState : GeoType::kWorldState;
  geo.full_name = Clean(std::string(name) + ", " + CountryName(country));
  geo.country = country.fips;
  // A US state's ISO 3166-2 code ends in the postal code GDELT uses
  // ("US-TX" -> "USTX"); elsewhere ISO and FIPS division codes differ and
  // only the country is known.
  std::size_t dash = sub.code.find('-');
  geo.adm1 = us && dash != std::string::npos ? "US" + sub.code.substr(dash + 1) : country.fips;
  geo.feature_id = geo.adm1;
  return geo;
}

}  // namespace

GdeltGeo CountryGeo(const gazetteer::Gazetteer& g, std::string_view alpha3) {
  const Entry* c = alpha3.empty() ? nullptr : g.Country(alpha3);
  return c ? FromCountry(*c) : GdeltGeo{};
}

GdeltGeo PlaceGeo(const gazetteer::Gazetteer& g, std::string_view name, std::string_view alpha3) {
  std::string country(alpha3);
  if (country.empty()) {
    if (auto c = g.PlaceCountry(name)) country = *c;
  }
  const Entry* best_city = nullptr;
  const Entry* best_sub = nullptr;
  for (std::uint32_t id : g.Lookup(name)) {
    const Entry& e = g.entry(id);
    if (!country.empty() && e.country != country) continue;
    if (e.kind == gazetteer::kCountry) return FromCountry(e);
    if (e.kind == gazetteer::kCity && (!best_city || e.population > best_city->population)) best_city = &e;
    if ((e.kind == gazetteer::kSubdivision || e.kind == gazetteer::kArea) && !best_sub) best_sub = &e;
  }
  const Entry* c = country.empty() ? nullptr : g.Country(country);
  if (!c) return GdeltGeo{};
  // A city before a division of the same name ("Berlin", "New York"): news
  // names the city far more often.
  if (best_city) return FromCity(name, *best_city, *c);
  if (best_sub) return FromSubdivision(name, *best_sub, *c);
  return FromCountry(*c);
}

void AppendGeoColumns(const GdeltGeo& geo, std::vector<std::string>* row) {
  if (geo.type == GeoType::kNone) {
    row->push_back("0");
    row->insert(row->end(), 7, std::string());
    return;
  }
  row->push_back(std::to_string(static_cast<int>(geo.type)));
  row->push_back(geo.full_name);
  row->push_back(geo.country);
  row->push_back(geo.adm1);
  row->push_back(geo.adm2);
  auto coord = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    std::string s(buf);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
  };
  row->push_back(geo.located ? coord(geo.lat) : std::string());
  row->push_back(geo.located ? coord(geo.lon) : std::string());
  row->push_back(geo.feature_id);
}

}  // namespace sitrep::events
