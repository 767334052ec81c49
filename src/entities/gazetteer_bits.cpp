#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

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
  // State abbreviations end in a full stop and are short: only such
  // capitalised tokens are looked up.
  for (std::size_t k = 0; k < n; ++k) {
    const std::string_view w = s.forms[k];
    if (w.size() >= 3 && w.size() <= 6 && w.back() == '.' && w[0] >= 'A' && w[0] <= 'Z' && g.StateAbbreviation(w)) {
      tokens[k].gaz |= kGazStateAbbrev;
    }
  }
  // The roles table lists singulars; its plurals are looked up only for
  // capitalised words ending in "s", which keeps the lookups rare.
  for (std::size_t k = 0; k < n; ++k) {
    const std::string_view w = s.forms[k];
    if (w.size() < 5 || w[0] < 'A' || w[0] > 'Z' || w.back() != 's' || w[w.size() - 2] == 's' ||
        (tokens[k].gaz & kGazRole)) {
      continue;
    }
    for (std::uint32_t id : g.Lookup(w.substr(0, w.size() - 1))) {
      if (g.entry(id).kind == gz::kRole) tokens[k].gaz |= kGazRolePlural;
    }
  }
}

std::vector<std::uint32_t> PeopleForms(const Article& a) {
  const std::string_view text(a.text);
  auto form = [&](const Token& t) {
    return t.begin <= t.end && t.end <= text.size() ? text.substr(t.begin, t.end - t.begin) : std::string_view();
  };
  auto capitalised_word = [](std::string_view w) {
    if (w.size() < 4 || w[0] < 'A' || w[0] > 'Z') return false;
    return std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  std::vector<std::string_view> caps;
  for (const Token& t : a.tokens) {
    if (capitalised_word(form(t))) caps.push_back(form(t));
  }
  std::sort(caps.begin(), caps.end());
  caps.erase(std::unique(caps.begin(), caps.end()), caps.end());
  std::vector<std::uint32_t> out(a.tokens.size(), 0);
  if (caps.size() < 2) return out;
  std::string buf;
  auto written = [&](std::string_view base, std::string_view suffix) {
    buf.assign(base);
    buf += suffix;
    return std::binary_search(caps.begin(), caps.end(), std::string_view(buf));
  };
  auto base_written = [&](std::string_view w, std::string_view suffix) {
    return w.size() >= suffix.size() + 4 && w.substr(w.size() - suffix.size()) == suffix &&
           std::binary_search(caps.begin(), caps.end(), w.substr(0, w.size() - suffix.size()));
  };
  for (std::size_t k = 0; k < a.tokens.size(); ++k) {
    const std::string_view w = form(a.tokens[k]);
    if (!capitalised_word(w)) continue;
    if ((w.back() == 'a' && written(w, "n")) || written(w, "an") || written(w, "i") || written(w, "ese") ||
        written(w, "ish")) {
      out[k] |= kGazPeopleForm;
    }
    const bool after_a = w.size() >= 6 && w[w.size() - 2] == 'a' && base_written(w, "n");
    if (after_a || base_written(w, "an") || base_written(w, "i") || base_written(w, "ese") || base_written(w, "ish")) {
      out[k] |= kGazPeopleAdjective;
    }
  }
  return out;
}

}  // namespace sitrep::entities
