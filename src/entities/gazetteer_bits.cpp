#include "entities/entities.h"
#include "gazetteer/gazetteer.h"

namespace sitrep::entities {

void AddGazetteerBits(const Article& a, std::uint32_t first, std::uint32_t end, NerToken* tokens,
                      EntitiesScratch& s) {
  namespace gz = sitrep::gazetteer;
  const gz::Gazetteer& g = gz::Gazetteer::Default();
  const std::string_view text(a.text);
  s.forms.clear();
  for (std::uint32_t t = first; t < end; ++t) {
    const Token& tok = a.tokens[t];
    s.forms.push_back(tok.begin <= tok.end && tok.end <= text.size() ? text.substr(tok.begin, tok.end - tok.begin)
                                                                      : std::string_view());
  }
  s.matches.clear();
  g.MatchTokens(s.forms.data(), s.forms.size(), &s.matches);
  const std::size_t n = s.forms.size();
  for (const gz::Match& m : s.matches) {
    const gz::Entry& e = g.entry(m.entry);
    std::uint32_t b = 0, i = 0, after = 0;
    switch (e.kind) {
      case gz::kCountry: b = kGazCountryB; i = kGazCountryI; break;
      case gz::kCity:
        b = kGazCityB;
        i = kGazCityI;
        if (e.population >= 1000000 || e.capital) b |= kGazBigCity, i |= kGazBigCity;
        break;
      case gz::kSubdivision: b = kGazRegionB; i = kGazRegionI; break;
      case gz::kOrganisation: b = kGazOrgB; i = kGazOrgI; break;
      case gz::kGovBody: b = kGazBodyB; i = kGazBodyI; break;
      case gz::kRole:
      case gz::kRoleModifier: b = i = kGazRole; after = kGazRoleBefore; break;
      case gz::kDemonym: b = i = kGazDemonym; break;
      case gz::kHonorific: b = i = kGazHonorific; after = kGazHonorificBefore; break;
      default: break;  // kinds that say nothing about where a name is
    }
    // Areas (areas.tsv) are not features of the shipped model, which was
    // trained without them (kGazArea); the span rules read them.
    if (e.kind == gz::kArea) {
      if (m.exact_case) {
        for (std::uint32_t k = m.begin_token; k < m.end_token && k < n; ++k) tokens[k].gaz |= kGazArea;
      }
      continue;
    }
    if (e.kind == gz::kOrganisation && !m.exact_case && m.end_token == m.begin_token + 1 && m.begin_token < n &&
        e.name.find(' ') != std::string::npos) {
      tokens[m.begin_token].gaz |= kGazOrgShortForm;
    }
    if (m.exact_case) b |= kGazCaseMatch, i |= kGazCaseMatch;
    for (std::uint32_t k = m.begin_token; k < m.end_token && k < n; ++k) tokens[k].gaz |= k == m.begin_token ? b : i;
    if (after && m.end_token < n) tokens[m.end_token].gaz |= after;
  }
}

}  // namespace sitrep::entities
