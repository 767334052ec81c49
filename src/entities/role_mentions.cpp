#include "entities/role_mentions.h"

#include <algorithm>
#include <string>
#include <vector>

#include "syntax/token_features.h"

namespace sitrep::entities {
namespace {

std::string Lower(std::string_view s) {
  std::string out;
  syntax::AsciiLower(s, out);
  return out;
}

bool Capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

void LinkRoleMentions(const gazetteer::Gazetteer& g, Article& a, EntitiesScratch& s) {
  // Most articles name no person with a role; then there is nothing to
  // link, and the gazetteer (already matched by the recogniser) need not
  // be matched again.
  bool any_role = false;
  for (const LocalEntity& le : a.local_entities) any_role = any_role || (le.type == "PERSON" && !le.roles.empty());
  if (!any_role) return;
  const std::string_view text(a.text);
  std::vector<Mention> added;
  for (const Sentence& sent : a.sentences) {
    if (sent.end_token > a.tokens.size() || sent.first_token >= sent.end_token) continue;
    s.forms.clear();
    bool has_the = false;
    for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) {
      s.forms.push_back(a.TokenText(a.tokens[t]));
      has_the = has_the || s.forms.back() == "the" || s.forms.back() == "The";
    }
    if (!has_the) continue;
    s.matches.clear();
    g.MatchTokens(s.forms.data(), s.forms.size(), &s.matches);
    // Tokens of the sentence inside a role or role modifier the gazetteer lists.
    std::vector<bool> role(s.forms.size(), false), head(s.forms.size(), false);
    for (const gazetteer::Match& m : s.matches) {
      const gazetteer::Kind kind = g.entry(m.entry).kind;
      if (kind != gazetteer::kRole && kind != gazetteer::kRoleModifier) continue;
      for (std::uint32_t k = m.begin_token; k < m.end_token && k < role.size(); ++k) {
        role[k] = true;
        head[k] = head[k] || kind == gazetteer::kRole;
      }
    }
    for (std::size_t i = 1; i < s.forms.size(); ++i) {
      if (!role[i] || role[i - 1] || Lower(s.forms[i - 1]) != "the") continue;
      std::size_t e = i;
      bool has_head = false;
      for (; e < s.forms.size() && role[e]; ++e) {
        if (head[e]) has_head = true;
      }
      // "the foreign minister, Anna X" or "the foreign minister Anna X": a
      // title with its name, which the recogniser and roles already cover.
      if (!has_head || (e < s.forms.size() && Capitalised(s.forms[e])) ||
          (e + 1 < s.forms.size() && s.forms[e] == "," && Capitalised(s.forms[e + 1]))) {
        i = e;
        continue;
      }
      const std::uint32_t begin = a.tokens[sent.first_token + i].begin;
      const std::uint32_t end = a.tokens[sent.first_token + e - 1].end;
      // Never over a mention the recogniser found.
      bool overlaps = false;
      for (const Mention& m : a.mentions) overlaps = overlaps || (m.begin < end && begin < m.end);
      std::string role_text = Lower(text.substr(begin, end - begin));
      // The one person earlier in the article who holds this role.
      int who = -1;
      bool ambiguous = false;
      for (const Mention& m : a.mentions) {
        if (m.begin >= begin) break;
        if (m.type != "PERSON" || m.local < 0) continue;
        const LocalEntity& le = a.local_entities[static_cast<std::size_t>(m.local)];
        if (std::find(le.roles.begin(), le.roles.end(), role_text) == le.roles.end()) continue;
        if (who >= 0 && who != m.local) ambiguous = true;
        who = m.local;
      }
      i = e;
      if (overlaps || who < 0 || ambiguous) continue;
      const LocalEntity& le = a.local_entities[static_cast<std::size_t>(who)];
      Mention m;
      m.begin = begin;
      m.end = end;
      m.type = "PERSON";
      m.role = role_text;
      m.country = le.country;
      m.actor_code = le.actor_code;
      m.local = who;
      m.nominal = true;
      added.push_back(std::move(m));
    }
  }
  if (added.empty()) return;
  for (const Mention& m : added) ++a.local_entities[static_cast<std::size_t>(m.local)].mention_count;
  a.mentions.insert(a.mentions.end(), added.begin(), added.end());
  std::stable_sort(a.mentions.begin(), a.mentions.end(),
                   [](const Mention& x, const Mention& y) { return x.begin < y.begin; });
}

}  // namespace sitrep::entities
