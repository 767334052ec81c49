// GDELT geography: the eight Geo_ columns (Type, FullName, CountryCode,
// ADM1Code, ADM2Code, Lat, Long, FeatureID) of a place or an actor, from
// the gazetteer's countries (FIPS 10-4 codes and centre coordinates,
// data/gazetteer/country_geo.tsv) and cities (GeoNames ids, first-order
// divisions and coordinates, data/gazetteer/cities.tsv).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/gazetteer.h"

namespace sitrep::events {

// GDELT's geographic resolution types.
enum class GeoType { kNone = 0, kCountry = 1, kUsState = 2, kUsCity = 3, kWorldCity = 4, kWorldState = 5 };

struct GdeltGeo {
  GeoType type = GeoType::kNone;
  std::string full_name;   // "Berlin, Germany", "Texas, United States", "Germany"
  std::string country;     // FIPS 10-4 ("GM")
  std::string adm1;        // FIPS country + first-order division ("GM16", "USTX"), else the country code
  std::string adm2;        // never known: empty
  bool located = false;    // lat/lon are known
  double lat = 0, lon = 0;
  std::string feature_id;  // GeoNames id of a city, else the ADM1 or country code
};

// The country with ISO alpha-3 code `alpha3` (type 1, its centre). Type
// kNone when the gazetteer does not know the code.
GdeltGeo CountryGeo(const gazetteer::Gazetteer& g, std::string_view alpha3);

// The place called `name`, in the country `alpha3` when given (may be
// empty): a country (type 1), a city (3 in the US, else 4; the largest of
// that name in the country) or a country subdivision (2 for a US state,
// else 5). A name the gazetteer does not know as a place falls back to
// the country when alpha3 is known, else gives type kNone.
GdeltGeo PlaceGeo(const gazetteer::Gazetteer& g, std::string_view name, std::string_view alpha3);

// Appends the eight Geo_ columns of `geo` to *row (type 0 and seven empty
// fields for kNone); coordinates with up to 5 decimals.
void AppendGeoColumns(const GdeltGeo& geo, std::vector<std::string>* row);

}  // namespace sitrep::events
