// The within-article merge: one local entity per real thing in one article.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/union_find.h"
#include "resolve/internal.h"
#include "resolve/resolve.h"

namespace sitrep::resolve {
namespace {

// True when only spaces and one opening parenthesis separate two mentions:
// "the Northern Fisheries Compact (NFC)".
bool ParenthesisBetween(std::string_view text, std::uint32_t end, std::uint32_t begin) {
  if (end > begin || begin > text.size()) return false;
  std::string_view gap = text.substr(end, begin - end);
  int parens = 0;
  for (char c : gap) {
    if (c == '(') ++parens;
    else if (c != ' ') return false;
  }
  return parens == 1;
}

// True when the word before `begin` is "in", "near", "of" or "from": then a
// bare name is read as the place ("a prison in Dunmere"), not as a short
// form of a facility named after it ("Dunmere Unit").
bool PlaceReading(std::string_view text, std::uint32_t begin) {
  std::size_t e = begin;
  while (e > 0 && text[e - 1] == ' ') --e;
  std::size_t b = e;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
  std::string w;
  for (char c : text.substr(b, e - b)) w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return w == "in" || w == "near" || w == "of" || w == "from" || w == "outside";
}

// True when the letters of an acronym (lower case) can stand for `name`:
// the first (or, when the name lost its first word, the second) starts the
// name, after a leading "the", and the others occur
// in it in order ("Organisation for Security and Co-operation in Europe",
// "osce"). A place before a bracketed acronym of something else ("the
// mission in Kosovo (EULEX)") does not fit.
bool AcronymFits(std::string_view acr, std::string_view name) {
  if (name.size() > 4 && (name.substr(0, 4) == "the " || name.substr(0, 4) == "The ")) name.remove_prefix(4);
  if (acr.empty() || name.empty()) return false;
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  // The name may have lost its first word to the recogniser ("[Free]
  // Coastal Front (FCF)"): then it starts at the acronym's second letter.
  std::size_t k = lower(name[0]) == acr[0] ? 1 : acr.size() > 2 && lower(name[0]) == acr[1] ? 2 : 0;
  if (k == 0) return false;
  for (std::size_t i = 1; i < name.size() && k < acr.size(); ++i) {
    if (lower(name[i]) == acr[k]) ++k;
  }
  return k == acr.size();
}

// The surface without leading honorifics (PERSON) or a leading "the".
std::string DisplayName(std::string_view surface, bool person, const detail::Lexicons& lex) {
  std::vector<std::string_view> words;
  std::vector<std::string> lower;
  for (std::size_t i = 0; i < surface.size();) {
    std::size_t sp = surface.find(' ', i);
    if (sp == std::string_view::npos) sp = surface.size();
    if (sp > i) {
      words.push_back(surface.substr(i, sp - i));
      std::string word;
      for (char c : words.back())
        if (c != '.') word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      lower.push_back(std::move(word));
    }
    i = sp + 1;
  }
  std::size_t drop = 0;
  if (person) {
    drop = detail::LeadingHonorifics(lex, lower);
  } else if (words.size() > 1 && lower[0] == "the") {
    drop = 1;
  }
  if (drop == 0) return std::string(surface);
  return std::string(surface.substr(static_cast<std::size_t>(words[drop].data() - surface.data())));
}

// Most frequent non-empty value; ties go to the first seen.
std::string MostFrequent(const std::vector<const std::string*>& values) {
  std::string best;
  int best_count = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i]->empty()) continue;
    int count = 0;
    for (const std::string* v : values) count += *v == *values[i];
    if (count > best_count) {
      best_count = count;
      best = *values[i];
    }
  }
  return best;
}

// "the Herald" in an article of the "Lenhall Herald": an outlet's last
// words in its own article are its short name, so the entity takes the
// outlet's full name (the short one kept as an alias) and meets the
// outlet's other mentions across articles. Whole words only, and never
// the outlet's first word alone ("Lenhall" is a place).
void NameAfterOwnOutlet(std::string_view outlet, LocalEntity* e) {
  while (!outlet.empty() && outlet.back() == ' ') outlet.remove_suffix(1);
  if (outlet.size() > 4 && (outlet.substr(0, 4) == "the " || outlet.substr(0, 4) == "The ")) outlet.remove_prefix(4);
  const std::string_view name(e->name);
  if (name.empty() || name.size() >= outlet.size() || outlet.substr(outlet.size() - name.size()) != name ||
      outlet[outlet.size() - name.size() - 1] != ' ') {
    return;
  }
  if (std::find(e->aliases.begin(), e->aliases.end(), e->name) == e->aliases.end()) e->aliases.push_back(e->name);
  e->name = std::string(outlet);
}

}  // namespace

void MergeWithinArticle(Article& a, const MergeOptions& options) {
  const detail::Lexicons& lex = detail::GetLexicons();
  a.local_entities.clear();
  const std::uint32_t n = static_cast<std::uint32_t>(a.mentions.size());
  if (n == 0) return;
  const std::string_view text(a.text);

  UnionFind uf(n);
  std::vector<std::string_view> surface(n);
  std::vector<std::size_t> weight(n, 0);  // words that name the thing, to pick the fullest form
  std::vector<bool> valid(n, false);
  std::vector<bool> is_country(n, false);  // non-person mentions that name a country

  std::unordered_map<std::string, std::uint32_t> exact;          // ORG/LOC/MISC folded name -> first mention
  // "first last" -> one mention of each group of that name, with the
  // initials the group writes after the first name ("w"), if any.
  std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::string>>> person_full;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_last, by_first;  // full-name mentions, in order
  // Full names with a generation ("Jr."), by their bare surname.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_generation_last;
  std::unordered_map<std::string, std::uint32_t> person_single;  // one-word person name -> first mention
  std::unordered_map<std::string, std::uint32_t> initials;       // ORG initials -> latest mention
  std::unordered_map<std::string, std::uint32_t> acronyms;       // acronym letters -> first mention
  std::unordered_map<std::string, std::uint32_t> countries;      // country code -> first mention
  std::unordered_map<std::string, std::uint32_t> organisations;  // listed organisation -> first mention
  std::unordered_map<std::string, std::uint32_t> cores;          // name without designator -> latest mention
  std::vector<std::pair<std::uint32_t, std::string>> unresolved;  // one-word persons with nothing before

  // Whether mentions i and j may name one person by their titles: either
  // has none, or both name the same office (the titles' last words).
  auto same_office = [&](std::uint32_t i, std::uint32_t j) {
    const std::string_view x = detail::RoleHead(a.mentions[i].role), y = detail::RoleHead(a.mentions[j].role);
    return x.empty() || y.empty() || x == y;
  };
  // 'm', 'f' or 0: the gender a person mention shows, by a form of address
  // in or right before it ("Mrs. Kessar") or by a first name only one
  // sex's lists hold. "Mrs. Kessar" is not "Odal Kessar" (he).
  std::vector<char> gender(n, 2);  // 2: not computed yet
  auto gender_of = [&](std::uint32_t k) -> char {
    if (gender[k] != 2) return gender[k];
    char g = 0;
    auto lower_word = [](std::string_view w) {
      std::string s;
      for (char c : w)
        if (c != '.') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    // The word before the mention, or the mention's own first word.
    std::size_t e = a.mentions[k].begin;
    while (e > 0 && text[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '(' && text[b - 1] != '"') --b;
    const std::string_view own = surface[k].substr(0, surface[k].find(' '));
    for (std::string_view w : {text.substr(b, e - b), own}) {
      if (auto it = lex.address_gender.find(lower_word(w)); !w.empty() && it != lex.address_gender.end()) {
        g = it->second;
        break;
      }
    }
    if (g == 0) {
      const std::vector<std::string> pt = PersonTokens(surface[k]);
      if (pt.size() >= 2) {
        if (auto it = lex.first_name_gender.find(lower_word(pt.front())); it != lex.first_name_gender.end()) g = it->second;
      }
    }
    return gender[k] = g;
  };
  auto same_gender = [&](std::uint32_t i, std::uint32_t j) {
    const char x = gender_of(i), y = gender_of(j);
    return x == 0 || y == 0 || x == y;
  };
  // 0, 1 or 2 (= more than one): how many groups the mentions belong to.
  auto distinct_roots = [&](const std::vector<std::uint32_t>& ms, std::uint32_t* root) {
    bool have = false;
    std::uint32_t seen = 0;
    for (std::uint32_t m : ms) {
      std::uint32_t r = uf.Find(m);
      if (!have) {
        seen = r;
        have = true;
      } else if (r != seen) {
        return 2;
      }
    }
    *root = seen;
    return have ? 1 : 0;
  };

  // "the Peace and Security Council ... the PSC": an acronym the
  // recogniser read as a person's name (a name in capitals) is the
  // organisation whose initials it spells, wherever in the article that
  // organisation is named.
  // Most articles have no such person, and then no organisation's
  // initials are worked out here.
  std::vector<std::pair<std::uint32_t, std::string>> person_acronyms;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Mention& m = a.mentions[i];
    if (m.type != "PERSON" || m.begin > m.end || m.end > text.size()) continue;
    if (std::string acr = detail::AcronymLetters(StripPossessive(text.substr(m.begin, m.end - m.begin))); !acr.empty())
      person_acronyms.emplace_back(i, std::move(acr));
  }
  if (!person_acronyms.empty()) {
    std::unordered_set<std::string> org_initials;
    for (const Mention& m : a.mentions) {
      if (m.type != "ORG" || m.begin > m.end || m.end > text.size()) continue;
      const std::vector<std::string> toks = detail::PlainTokens(StripPossessive(text.substr(m.begin, m.end - m.begin)));
      if (toks.size() < 2) continue;
      for (bool skip : {true, false}) {
        if (std::string ini = detail::Initials(lex, toks, skip); ini.size() >= 2) org_initials.insert(std::move(ini));
      }
    }
    for (const auto& [i, acr] : person_acronyms) {
      if (org_initials.count(acr)) a.mentions[i].type = "ORG";
    }
  }

  for (std::uint32_t i = 0; i < n; ++i) {
    const Mention& m = a.mentions[i];
    if (m.begin > m.end || m.end > text.size()) continue;
    valid[i] = true;
    surface[i] = StripPossessive(text.substr(m.begin, m.end - m.begin));
    if (m.type == "PERSON") {
      std::vector<std::string> pt = PersonTokens(surface[i]);
      weight[i] = pt.size();
      if (pt.empty()) continue;
      for (std::string& t : pt) t = TranslitKey(t);
      // "Odalys Kessar Jr." is not "Odalys Kessar": the generation goes
      // with the surname (and with the given name, for "Odalys Jr.").
      const std::string gen = Generation(surface[i]);
      const std::string bare_last = pt.back();
      if (!gen.empty()) {
        pt.back() += "~" + gen;
        if (pt.size() >= 2) pt.front() += "~" + gen;
      }
      if (pt.size() >= 2) {
        // "George H. W. Bush" and "George W. Bush" are two people: a full
        // name joins the one group of that first name and surname whose
        // initials do not differ from its own (none written fits all).
        const std::string mid = MiddleInitials(surface[i]);
        auto& groups = person_full[pt.front() + " " + pt.back()];
        std::size_t fits = 0, same = 0;
        int fitting = 0, sames = 0;
        for (std::size_t g = 0; g < groups.size(); ++g) {
          const std::string& written = groups[g].second;
          if (written == mid) {
            same = g;
            ++sames;
          }
          if (written.empty() || mid.empty() || written == mid) {
            fits = g;
            ++fitting;
          }
        }
        const std::size_t g = sames == 1 ? same : fitting == 1 ? fits : groups.size();
        if (g < groups.size()) {
          uf.Unite(i, groups[g].first);
          if (groups[g].second.empty()) groups[g].second = mid;
        } else {
          groups.emplace_back(i, mid);
        }
        by_last[pt.back()].push_back(i);
        by_first[pt.front()].push_back(i);
        if (!gen.empty()) by_generation_last[bare_last].push_back(i);
        continue;
      }
      const std::string& t = pt[0];
      const std::vector<std::uint32_t>* fulls = nullptr;
      if (auto found = by_last.find(t); found != by_last.end()) {
        fulls = &found->second;
      } else if (auto older = by_generation_last.find(t); gen.empty() && older != by_generation_last.end()) {
        // A surname alone, with no full name of its own generation: one
        // that has a generation ("Kessar" of "Odalys Kessar Jr.").
        fulls = &older->second;
      }
      if (fulls) {
        // The most recent person with that surname whose title does not
        // name another office ("first lady X Kessar ... President Kessar"
        // are two people); with none, the surname stays apart here and
        // the cross-article pass, which weighs titles, places it.
        std::uint32_t to = n;
        // "former President Kessar" beside "Odal Kessar", named president
        // before, and "Odalys Kessar", named last: the one whose office it
        // is, however recently the other was named.
        if (const std::string_view office = detail::RoleHead(m.role); !office.empty() && fulls->size() > 1) {
          for (auto j = fulls->rbegin(); j != fulls->rend() && to == n; ++j) {
            if (!same_gender(i, *j)) continue;
            const std::uint32_t root = uf.Find(*j);
            for (std::uint32_t k = 0; k < i && to == n; ++k) {
              if (uf.Find(k) == root && detail::RoleHead(a.mentions[k].role) == office) to = *j;
            }
          }
        }
        for (auto j = fulls->rbegin(); j != fulls->rend() && to == n; ++j) {
          if (same_office(i, *j) && same_gender(i, *j)) to = *j;
        }
        if (to < n) {
          uf.Unite(i, to);
        } else if (auto [st, fresh] = person_single.try_emplace(t, i); !fresh) {
          uf.Unite(i, st->second);
        }
        continue;
      }
      if (auto it = by_first.find(t); it != by_first.end()) {
        std::uint32_t root = 0;
        if (distinct_roots(it->second, &root) == 1) {  // a given name ("Xi") only when unambiguous
          uf.Unite(i, root);
          continue;
        }
      }
      if (auto [it, fresh] = person_single.try_emplace(t, i); !fresh) {
        uf.Unite(i, it->second);
        continue;
      }
      unresolved.emplace_back(i, t);
      continue;
    }

    std::vector<std::string> toks = detail::PlainTokens(surface[i]);
    weight[i] = toks.size();
    if (toks.empty()) continue;
    // The country a name stands for, whatever the recogniser typed it
    // ("NZ" read as an organisation is still the country).
    std::string country_code = options.canonical_country ? options.canonical_country(surface[i]) : std::string();
    is_country[i] = !country_code.empty();
    std::string key = detail::Join(toks);
    if (auto [it, fresh] = exact.try_emplace(key, i); !fresh) uf.Unite(i, it->second);
    // "the Harlow Crest Clinic" ... "Harlow Crest" / "the Harlow Crest Centre".
    // A country is never the short form of what is named after it: "the
    // Lenhall Company" and "Lenhall" the country are two things. Nor is a
    // name the recogniser read as a place short for an organisation:
    // "Indiana" and "Indiana University" (a facility read as a place keeps
    // its short form: "Harlow Crest Clinic", "Harlow Crest").
    auto place = [&](std::uint32_t shorter, std::uint32_t longer) {
      return is_country[shorter] || (a.mentions[shorter].type == "LOC" && a.mentions[longer].type != "LOC");
    };
    if (std::vector<std::string> core = detail::WithoutDesignators(lex, toks); !core.empty()) {
      std::string ck = detail::Join(core);
      if (auto it = cores.find(ck); it != cores.end()) uf.Unite(i, it->second);
      if (auto it = exact.find(ck);
          it != exact.end() && !place(it->second, i) && !PlaceReading(text, a.mentions[it->second].begin))
        uf.Unite(i, it->second);
      cores[ck] = i;
    } else if (auto it = cores.find(key); it != cores.end() && !place(i, it->second) && !PlaceReading(text, m.begin)) {
      uf.Unite(i, it->second);
    }

    std::string acr = detail::AcronymLetters(surface[i]);
    if (!acr.empty()) {
      // An acronym is a shorter name than what it stands for.
      weight[i] = 0;
      if (i > 0 && valid[i - 1] && a.mentions[i - 1].type != "PERSON" &&
          ParenthesisBetween(text, a.mentions[i - 1].end, m.begin) && AcronymFits(acr, surface[i - 1])) {
        uf.Unite(i, i - 1);  // "North Atlantic Treaty Organization (NATO)"
      } else if (is_country[i]) {
        // A country's own abbreviation ("NZ", "UK") is not the initials of
        // an organisation the article names ("the New Zealanders").
      } else if (auto it = initials.find(acr); it != initials.end()) {
        uf.Unite(i, it->second);
      }
      if (!is_country[i]) acronyms.try_emplace(acr, i);
    } else if (i > 0 && valid[i - 1] && toks.size() >= 2 && m.type != "PERSON" &&
               AcronymFits(detail::AcronymLetters(surface[i - 1]), surface[i]) &&
               ParenthesisBetween(text, a.mentions[i - 1].end, m.begin)) {
      uf.Unite(i, i - 1);  // "NATO (North Atlantic Treaty Organization)"
    }
    if (m.type == "ORG" && toks.size() >= 2 && acr.empty()) {
      for (bool skip : {true, false}) {
        std::string ini = detail::Initials(lex, toks, skip);
        if (ini.size() < 2) continue;
        if (auto it = acronyms.find(ini); it != acronyms.end()) uf.Unite(i, it->second);  // acronym came first
        initials[ini] = i;
      }
      // "the Central Electoral Commission of Dravenia" ... "the CEC": an
      // acronym often leaves out the "of <place>" that ends the name. Only
      // three letters or more from two words or more, so that a short
      // acronym does not find a name by chance.
      for (std::size_t p = 2; p + 1 < toks.size(); ++p) {
        if (toks[p] != "of") continue;
        std::vector<std::string> head(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(p));
        std::string ini = detail::Initials(lex, head, true);
        if (ini.size() >= 3) {
          if (auto it = acronyms.find(ini); it != acronyms.end()) uf.Unite(i, it->second);
          initials.try_emplace(ini, i);
        }
        break;
      }
    }
    // "the International Committee of the Red Cross" ... "the Red Cross":
    // names the organisation list gives for one organisation.
    if (options.canonical_organisation && !is_country[i]) {
      std::string org = options.canonical_organisation(surface[i]);
      if (!org.empty()) {
        if (auto [it, fresh] = organisations.try_emplace(std::move(org), i); !fresh) uf.Unite(i, it->second);
      }
    }
    if (m.type == "LOC" && is_country[i]) {
      if (auto [it, fresh] = countries.try_emplace(country_code, i); !fresh) uf.Unite(i, it->second);
    }
  }
  // A surname before any full name ("Volshinsky" in a headline): the one person
  // the article later names in full with it, if there is only one.
  for (const auto& [i, t] : unresolved) {
    std::uint32_t root = 0;
    auto it = by_last.find(t);
    if (it != by_last.end()) {
      // Not one whose title names another office (as above).
      std::vector<std::uint32_t> fitting;
      for (std::uint32_t j : it->second) {
        if (same_office(i, j)) fitting.push_back(j);
      }
      if (distinct_roots(fitting, &root) == 1) uf.Unite(i, root);
      continue;
    }
    it = by_first.find(t);
    if (it != by_first.end() && distinct_roots(it->second, &root) == 1) uf.Unite(i, root);
  }

  // "Kessar Freight Lines" ... "Kessar said": an organisation named by the
  // first words of one longer organisation's name in the article is that
  // organisation. Two organisations that start so ("Kessar Freight",
  // "Kessar Bank") leave it alone, and so does a name that goes on with
  // "of" or a possessive ("Kessar's Ministry of Trade" is not Kessar's
  // short form), and a country ("Lenhall" beside "Lenhall Airways").
  std::vector<std::pair<std::uint32_t, std::vector<std::string>>> org_words;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (valid[i] && a.mentions[i].type == "ORG" && !is_country[i] && detail::AcronymLetters(surface[i]).empty())
      org_words.emplace_back(i, detail::PlainTokens(surface[i]));
  }
  // Only a company's or facility's name, closed by a designator
  // (data/resolve/designators.txt: "Holdings", "Clinic") or a business's
  // word (data/gazetteer/name_sectors.tsv: "Lines", "Airways"), is
  // shortened so: "the United Nations" is no short form of "the United
  // Nations Security Council", nor "Apple" of "Apple Music"; nor is a name
  // the organisation list knows as a whole of its own.
  auto designated = [&](const std::vector<std::string>& words) {
    return !words.empty() && (!detail::WithoutDesignators(lex, words).empty() || lex.company_words.count(words.back()));
  };
  auto listed = [&](std::uint32_t i) {
    return options.canonical_organisation && !options.canonical_organisation(surface[i]).empty();
  };
  // Longer short forms first, so that "Kessar Freight" has joined "Kessar
  // Freight Lines" before "Kessar" asks which names it starts.
  std::stable_sort(org_words.begin(), org_words.end(),
                   [](const auto& x, const auto& y) { return x.second.size() > y.second.size(); });
  for (const auto& [i, short_form] : org_words) {
    if (short_form.empty() || listed(i)) continue;
    std::vector<std::uint32_t> longer;
    bool blocked = false, any_designated = false;
    for (const auto& [j, full] : org_words) {
      if (full.size() <= short_form.size() || !std::equal(short_form.begin(), short_form.end(), full.begin())) continue;
      const std::string_view full_surface = text.substr(a.mentions[j].begin, a.mentions[j].end - a.mentions[j].begin);
      blocked = blocked || full[short_form.size()] == "of" || full_surface.find("'s") != std::string_view::npos ||
                full_surface.find("\u2019s") != std::string_view::npos;
      any_designated = any_designated || designated(full);
      longer.push_back(j);
    }
    std::uint32_t root = 0;
    if (!blocked && any_designated && distinct_roots(longer, &root) == 1) uf.Unite(i, root);
  }

  // One local entity per group, in order of first mention.
  std::vector<std::int32_t> local_of_root(n, -1);
  std::vector<std::vector<std::uint32_t>> members;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t r = valid[i] ? uf.Find(i) : i;
    if (local_of_root[r] < 0) {
      local_of_root[r] = static_cast<std::int32_t>(members.size());
      members.emplace_back();
    }
    a.mentions[i].local = local_of_root[r];
    members[static_cast<std::size_t>(local_of_root[r])].push_back(i);
  }
  a.local_entities.reserve(members.size());
  for (const std::vector<std::uint32_t>& ms : members) {
    LocalEntity e;
    e.mention_count = static_cast<std::uint32_t>(ms.size());
    // Majority type; ties go to the first mention's type.
    std::vector<const std::string*> types, countries_of, actors, home_countries, home_actors;
    for (std::uint32_t i : ms) {
      types.push_back(&a.mentions[i].type);
      // A country said with the name outweighs the article's own.
      const bool home = a.mentions[i].country_from_article;
      (home ? home_countries : countries_of).push_back(&a.mentions[i].country);
      (home ? home_actors : actors).push_back(&a.mentions[i].actor_code);
    }
    e.type = MostFrequent(types);
    if (e.type.empty()) e.type = a.mentions[ms[0]].type;
    e.country = MostFrequent(countries_of);
    e.actor_code = MostFrequent(actors);
    if (e.country.empty() && e.actor_code.empty()) {
      e.country = MostFrequent(home_countries);
      e.actor_code = MostFrequent(home_actors);
      e.country_from_article = !e.country.empty();
    }
    // Fullest form: most name words, then most frequent, then first seen.
    std::uint32_t best = ms[0];
    int best_count = -1;
    for (std::uint32_t i : ms) {
      if (!valid[i]) continue;
      if (std::find(e.aliases.begin(), e.aliases.end(), surface[i]) == e.aliases.end() && !surface[i].empty())
        e.aliases.emplace_back(surface[i]);
      int count = 0;
      for (std::uint32_t j : ms) count += valid[j] && surface[j] == surface[i];
      if (best_count < 0 || weight[i] > weight[best] || (weight[i] == weight[best] && count > best_count)) {
        best = i;
        best_count = count;
      }
      const std::string& role = a.mentions[i].role;
      if (!role.empty() && std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end()) e.roles.push_back(role);
    }
    if (valid[best]) e.name = DisplayName(surface[best], e.type == "PERSON", lex);
    if (e.name.empty() && !e.aliases.empty()) e.name = e.aliases[0];
    if (e.type != "PERSON" && a.outlet) NameAfterOwnOutlet(*a.outlet, &e);
    a.local_entities.push_back(std::move(e));
  }
}

}  // namespace sitrep::resolve
