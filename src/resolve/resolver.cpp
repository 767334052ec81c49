// The cross-article merge. Every local entity gets a few name keys when it
// is added; entities that share a key are joined with union-find, so the
// work grows with the number of keys, never with the number of pairs.
//
// Keys (hashed to 64 bits, prefixed by their kind):
//   P|first last   PERSON: first and last name, transliteration-folded
//                  (and the first two words joined, for a given name
//                  written with a hyphen or a space)
//   N|words        ORG/LOC/MISC: the folded name in order (shared by the
//                  three types, which is how a mistagged "Nato" joins);
//                  "Strait of X" also as "X Strait"
//   O|bag          ORG: sorted content words with spelling folded, so
//                  word-order and -isation/-ization variants meet
//   C|code         LOC: the country code from the hook ("US" -> USA)
//   D|words        ORG/LOC/MISC named with a closing designator, without
//                  it ("Harlow Crest Centre", "Harlow Crest Clinic")
//   E|first stem|role  PERSON: first name, surname without a final e, and
//                  a role it is given ("Kessar"/"Kessare", both ministers)
// and, after those joins, guarded passes: a surname-only PERSON joins
// the one full name with that surname (mononyms join each other when no
// full name has it), an acronym-only ORG joins the one organisation
// whose initials it is, and an ORG named without its place joins the one
// named "X of <place>" with the same words.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/union_find.h"
#include "core/hash.h"
#include "resolve/internal.h"
#include "resolve/resolve.h"

namespace sitrep::resolve {
namespace {

// An outlet's name folded for comparison: lower case, without a leading
// "the" and without characters other than letters and digits ("The
// Lenhall Herald", "@lenhallherald" -> "lenhallherald").
std::string OutletKey(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::string_view lower(name);
  if (lower.size() > 4 && (lower.substr(0, 4) == "the " || lower.substr(0, 4) == "The ") && out.size() > 3) out.erase(0, 3);
  return out;
}

constexpr std::uint32_t kMany = 0xFFFFFFFFu;

std::uint64_t Key(std::string_view kind, std::string_view text) {
  return Hash64(text, Hash64(kind));
}

// Records `root` under key h; a second, different root makes it kMany.
// Whether every word of `form` starts with a capital and has only letters
// after it ("Jeb Kessar", not "Kessar & Sons" nor "the Kessar group").
bool CapitalisedWords(std::string_view form) {
  bool start = true, any = false;
  for (char c : form) {
    if (c == ' ') {
      start = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (start && !(u >= 'A' && u <= 'Z')) return false;
    if (!start && !(std::isalpha(u) || u >= 0x80 || c == '-' || c == '\'')) return false;
    start = false;
    any = true;
  }
  return any;
}

void Claim(std::unordered_map<std::uint64_t, std::uint32_t>& map, std::uint64_t h, std::uint32_t root) {
  auto [it, fresh] = map.try_emplace(h, root);
  if (!fresh && it->second != root) it->second = kMany;
}

// Counts one more for `root` in a list of (cluster, count).
void CountFor(std::vector<std::pair<std::uint32_t, std::uint32_t>>& counts, std::uint32_t root) {
  auto c = std::find_if(counts.begin(), counts.end(), [&](const auto& x) { return x.first == root; });
  if (c == counts.end()) counts.emplace_back(root, 1);
  else ++c->second;
}

// The cluster with the highest count (the first of equals), its count in
// *best and the next highest in *second; kMany for an empty list.
std::uint32_t Leader(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& counts, std::uint32_t* best,
                     std::uint32_t* second) {
  std::uint32_t holder = kMany;
  *best = *second = 0;
  for (const auto& [root, count] : counts) {
    if (count > *best) {
      *second = *best;
      *best = count;
      holder = root;
    } else {
      *second = std::max(*second, count);
    }
  }
  return holder;
}

// Picks the most frequent value weighted by count; ties lexicographic.
std::string Heaviest(const std::map<std::string, std::uint64_t>& counts) {
  std::string best;
  std::uint64_t best_count = 0;
  for (const auto& [v, c] : counts) {
    if (c > best_count) {
      best = v;
      best_count = c;
    }
  }
  return best;
}

}  // namespace

struct Resolver::Impl {
  MergeOptions options;

  struct Rec {
    std::uint32_t article = 0;
    std::uint32_t local = 0;
    bool full_person = false;   // has a first-and-last-name alias
    bool name_full = false;     // its name is a full form (for the canonical name)
    bool long_org = false;      // an ORG with a written-out name
    bool acronym_only = false;  // an ORG known only by an acronym
    std::uint64_t lone = 0;     // PERSON known by one word: key of that word
    // PERSON: the initials its full name writes after the first name
    // ("George W. Bush": "w"); two people who differ in them are never one.
    std::string middle;
    // PERSON: the key of its full name's given name and surname without a
    // generation ("Jr."), and whether the name has one.
    std::uint64_t gen_base = 0;
    bool gen_marked = false;
    std::uint64_t lone_place = 0;  // the same word as a place's name key (N), when no role goes with it
    // ORG: the bag key (O) of its name, and for a name "X of P" the bag
    // key of X with the name key (N) of P ("Electoral Commission of Lenhall").
    std::uint64_t bag = 0, qualified_bag = 0, qualifier = 0;
    // PERSON: first name, surname without a final e, and one role each
    // ("Odalys Kessar" and "Odalys Kessare", both foreign secretary).
    std::uint32_t spell_begin = 0, spell_end = 0;
    std::uint32_t keys_begin = 0, keys_end = 0;      // strong keys
    std::uint32_t sur_begin = 0, sur_end = 0;        // surnames of full names
    std::uint32_t ini_begin = 0, ini_end = 0;        // initials (long ORG) or acronym letters
    // PERSON written in three words, as Spanish and Portuguese names are
    // (given name, father's and mother's surnames): the given name with the
    // first surname (H) and the two surnames (T), the short forms outlets
    // use; and a two-word name's own H and T keys, to look them up.
    std::uint32_t two_sur_begin = 0, two_sur_end = 0;
    std::uint64_t short_given = 0, short_surnames = 0;
  };
  std::vector<Rec> recs;
  std::vector<LocalEntity> locals;
  std::vector<std::uint64_t> keys, surnames, inits, spellings, two_surnames;
  std::vector<std::string> article_ids;
  std::vector<std::uint32_t> article_sizes;
  std::vector<bool> article_translated;
  std::unordered_set<std::string> outlets;  // OutletKey of every outlet added

  void AddOne(std::uint32_t article, std::uint32_t local, const LocalEntity& e) {
    const detail::Lexicons& lex = detail::GetLexicons();
    Rec r;
    r.article = article;
    r.local = local;
    r.keys_begin = static_cast<std::uint32_t>(keys.size());
    r.sur_begin = static_cast<std::uint32_t>(surnames.size());
    r.ini_begin = static_cast<std::uint32_t>(inits.size());
    r.spell_begin = static_cast<std::uint32_t>(spellings.size());
    r.two_sur_begin = static_cast<std::uint32_t>(two_surnames.size());
    auto for_each_form = [&](auto&& f) {
      f(std::string_view(e.name), true);
      for (const std::string& a : e.aliases)
        if (a != e.name) f(std::string_view(a), false);
    };
    if (e.type == "PERSON") {
      std::string lone_word;
      for_each_form([&](std::string_view form, bool is_name) {
        std::vector<std::string> pt = PersonTokens(form);
        // A generation ("Jr.") goes with the surname and the given name, so
        // that "Odalys Kessar Jr." shares no key with "Odalys Kessar".
        const std::string gen = Generation(form);
        const std::string mark = gen.empty() ? std::string() : "~" + gen;
        if (pt.size() >= 2) {
          std::string first = GivenNameKey(pt.front()) + mark, last = TranslitKey(pt.back()) + mark;
          keys.push_back(Key("P", first + " " + last));
          if (r.middle.empty()) r.middle = MiddleInitials(form);
          if (r.gen_base == 0 || is_name) {
            r.gen_base = Key("G", GivenNameKey(pt.front()) + " " + TranslitKey(pt.back()));
            r.gen_marked = !gen.empty();
          }
          // A hyphenated given name is also written with a space ("Jean-Luc",
          // "Jean Luc"): the first two words joined are a given name too.
          // Only ever the joined form, which a first word alone never meets.
          if (pt.size() >= 3) keys.push_back(Key("P", TranslitKey(pt[0] + pt[1]) + " " + last));
          // "Mohammed al-Varneiri" and "Muhammad al-Varnairi": outlets romanise
          // an Arabic surname's vowels differently, as they do the given name.
          if (detail::ListedArabicGivenName(lex, pt.front())) {
            if (std::string v = detail::ArabicVowelFold(last); v != last) keys.push_back(Key("P", first + " " + v));
          }
          surnames.push_back(Key("S", last));
          if (pt.size() == 3) {
            two_surnames.push_back(Key("H", first + " " + TranslitKey(pt[1])));
            two_surnames.push_back(Key("T", TranslitKey(pt[1]) + " " + last));
          } else if (pt.size() == 2 && r.short_given == 0) {
            r.short_given = Key("H", first + " " + last);
            r.short_surnames = Key("T", first + " " + last);
          }
          r.full_person = true;
          std::string stem = last;
          if (stem.size() > 4 && stem.back() == 'e') stem.pop_back();
          for (const std::string& role : e.roles) spellings.push_back(Key("E", first + " " + stem + "|" + role));
          if (is_name) r.name_full = true;
        } else if (pt.size() == 1 && (is_name || lone_word.empty())) {
          lone_word = TranslitKey(pt[0]) + mark;
        }
      });
      if (!r.full_person && !lone_word.empty()) {
        r.lone = Key("S", lone_word);
        if (e.roles.empty()) r.lone_place = Key("N", lone_word);
      }
    } else {
      const bool org = e.type == "ORG";
      bool all_acronyms = true;
      r.name_full = !org || detail::AcronymLetters(e.name).empty();
      // The acronyms the entity is written as, and the initials of its
      // written-out names: see after the loop.
      std::vector<std::string> acronyms, spelt;
      for_each_form([&](std::string_view form, bool) {
        std::vector<std::string> toks = detail::PlainTokens(form);
        if (toks.empty()) return;
        std::string acr = detail::AcronymLetters(form);
        if (!acr.empty()) {
          acronyms.push_back(acr);
        } else {
          std::vector<std::string> folded;
          folded.reserve(toks.size());
          for (const std::string& t : toks) folded.push_back(TranslitKey(t));
          keys.push_back(Key("N", detail::Join(folded)));
          // "the Tessarian Coast Guard" and "the Tessaria Coast Guard",
          // "the Morvi Navy" and "the Morv Navy": a body named by its
          // country's people's adjective or by the country, the adjective
          // read back to the name it is made from (the endings of
          // demonyms; a base of four letters at least).
          if (org && toks.size() >= 2) {
            const std::string& w = toks.front();
            for (std::string_view suf : {"i", "n", "an", "ese", "ish"}) {
              if (w.size() < suf.size() + 4 || w.compare(w.size() - suf.size(), suf.size(), suf) != 0) continue;
              if (suf == "n" && w[w.size() - 2] != 'a') continue;
              std::vector<std::string> base = folded;
              base.front() = TranslitKey(w.substr(0, w.size() - suf.size()));
              keys.push_back(Key("N", detail::Join(base)));
            }
          }
          // "the Strait of Lenhall" is also written "the Lenhall Strait".
          if (std::vector<std::string> w = detail::WaterFeatureReordered(lex, toks); !w.empty()) {
            for (std::string& t : w) t = TranslitKey(t);
            keys.push_back(Key("N", detail::Join(w)));
          }
        }
        std::vector<std::string> core = detail::WithoutDesignators(lex, toks);
        // "Jeb Kessar" typed an organisation or MISC in a few articles and a
        // person in the rest: a name of two capitalised words with no
        // designator also meets the people of that first and last name,
        // and the merged entity takes the type most of its mentions have.
        // (Not three: "National Security Council" and "National Economic
        // Council" share a first and a last word.)
        if (e.type != "LOC" && acr.empty() && core.empty() && toks.size() == 2 && CapitalisedWords(form)) {
          keys.push_back(Key("P", TranslitKey(toks.front()) + " " + TranslitKey(toks.back())));
        }
        if (!core.empty()) {
          for (std::string& t : core) t = detail::OrgWord(lex, t);
          keys.push_back(Key("D", detail::Join(core)));
        }
        if (!acr.empty()) {
          if (org) inits.push_back(Key("I", acr));
        } else {
          all_acronyms = false;
          if (org && toks.size() >= 2) {
            r.long_org = true;
            std::vector<std::string> bag;
            for (const std::string& t : toks)
              if (!lex.function_words.count(t)) bag.push_back(detail::OrgWord(lex, t));
            std::sort(bag.begin(), bag.end());
            if (bag.size() >= 2) {
              keys.push_back(Key("O", detail::Join(bag)));
              if (r.bag == 0) r.bag = keys.back();
            }
            // "X of P" with one to three words after its last "of".
            const auto of = std::find(toks.rbegin(), toks.rend(), "of");
            const auto after = static_cast<std::size_t>(of - toks.rbegin());
            if (of != toks.rend() && after >= 1 && after <= 3 && r.qualified_bag == 0) {
              std::vector<std::string> base, place;
              for (std::size_t k = 0; k + after + 1 < toks.size(); ++k)
                if (!lex.function_words.count(toks[k])) base.push_back(detail::OrgWord(lex, toks[k]));
              for (std::size_t k = toks.size() - after; k < toks.size(); ++k) place.push_back(TranslitKey(toks[k]));
              std::sort(base.begin(), base.end());
              if (base.size() >= 2) {
                r.qualified_bag = Key("O", detail::Join(base));
                r.qualifier = Key("N", detail::Join(place));
              }
            }
            for (bool skip : {true, false}) {
              std::string ini = detail::Initials(lex, toks, skip);
              if (ini.size() >= 2) inits.push_back(Key("I", ini));
              spelt.push_back(std::move(ini));
            }
          }
        }
        if (e.type == "LOC" && options.canonical_country) {
          std::string code = options.canonical_country(form);
          if (!code.empty()) keys.push_back(Key("C", code));
        }
        if (e.type != "LOC" && options.canonical_organisation) {
          std::string listed = options.canonical_organisation(form);
          if (!listed.empty()) keys.push_back(Key("G", listed));
        }
        if (e.type == "LOC") {
          // "the Republic of Lenhall" is the place "Lenhall".
          if (std::vector<std::string> rest = detail::StateFormRest(lex, toks); !rest.empty()) {
            for (std::string& t : rest) t = TranslitKey(t);
            keys.push_back(Key("N", detail::Join(rest)));
          }
        }
      });
      // An acronym is a key of its own (letters, not a word to
      // transliterate), except beside a written-out name whose initials
      // spell it: such an acronym may stand for another name with the
      // same initials ("Democratic National Committee" and "Democratic
      // National Convention"), so there only the initials' step (3, for
      // organisations known by the acronym alone, and only where one
      // name claims it) links by it. Beside a name it does not spell
      // ("Islamic State", "ISIL") the text defined it: a key.
      for (const std::string& acr : acronyms) {
        if (r.long_org && std::find(spelt.begin(), spelt.end(), acr) != spelt.end()) continue;
        keys.push_back(Key("N", acr));
      }
      r.acronym_only = org && all_acronyms && !r.long_org;
      if (!r.acronym_only && !r.long_org) inits.resize(r.ini_begin);  // acronyms of non-ORG play no part
    }
    r.keys_end = static_cast<std::uint32_t>(keys.size());
    r.sur_end = static_cast<std::uint32_t>(surnames.size());
    r.ini_end = static_cast<std::uint32_t>(inits.size());
    r.spell_end = static_cast<std::uint32_t>(spellings.size());
    r.two_sur_end = static_cast<std::uint32_t>(two_surnames.size());
    // Sorted and distinct, so the id key is simply the first one.
    std::sort(keys.begin() + r.keys_begin, keys.end());
    keys.erase(std::unique(keys.begin() + r.keys_begin, keys.end()), keys.end());
    r.keys_end = static_cast<std::uint32_t>(keys.size());
    recs.push_back(r);
    locals.push_back(e);
  }
};

Resolver::Resolver(MergeOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }
Resolver::~Resolver() = default;

std::size_t Resolver::size() const { return impl_->recs.size(); }

void Resolver::Add(std::string_view article_id, const std::vector<LocalEntity>& entities, bool translated) {
  const auto article = static_cast<std::uint32_t>(impl_->article_ids.size());
  impl_->article_ids.emplace_back(article_id);
  impl_->article_translated.push_back(translated);
  impl_->article_sizes.push_back(static_cast<std::uint32_t>(entities.size()));
  for (std::size_t j = 0; j < entities.size(); ++j)
    impl_->AddOne(article, static_cast<std::uint32_t>(j), entities[j]);
}

void Resolver::AddOutlet(std::string_view outlet) {
  std::string key = OutletKey(outlet);
  if (key.size() >= 3) impl_->outlets.insert(std::move(key));
}

std::vector<Resolver::Entity> Resolver::Finish(std::vector<std::vector<std::uint32_t>>* assignment) {
  Impl& m = *impl_;
  const std::size_t n = m.recs.size();
  UnionFind uf(n);
  auto idx = [](std::size_t i) { return static_cast<std::uint32_t>(i); };

  // 1. Shared strong keys. A key may stand for several people who write
  // different initials after the first name ("George H. W. Bush", "George
  // W. Bush"): each key keeps one member of each such group, and a record
  // joins the group whose initials are its own, else the one group whose
  // initials do not differ from its own (none written fits all).
  {
    std::vector<std::string> written(n);  // per root: the initials its people write
    // A place's or a body's country works as a person's initials do:
    // "Georgia" the US state and "Georgia" the country share their name's
    // keys but are two places, as two countries' "Senate" or "Defence
    // Ministry" are two bodies; a "Georgia" no article placed joins the
    // one place of the name, if one.
    for (std::size_t i = 0; i < n; ++i) {
      const LocalEntity& l = m.locals[i];
      const bool placed = (l.type == "LOC" || l.type == "ORG") && !l.country.empty();
      written[i] = placed ? "@" + l.country : m.recs[i].middle;
    }
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> groups;
    groups.reserve(m.keys.size());
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      for (std::uint32_t k = r.keys_begin; k < r.keys_end; ++k) {
        std::vector<std::uint32_t>& g = groups[m.keys[k]];
        const std::string mine = written[uf.Find(idx(i))];
        std::uint32_t same = 0, fits = 0;
        int sames = 0, fitting = 0;
        for (std::uint32_t member : g) {
          const std::uint32_t root = uf.Find(member);
          if (root == uf.Find(idx(i))) {
            sames = 1, same = member, fitting = 1, fits = member;
            break;
          }
          const std::string& theirs = written[root];
          if (theirs == mine) {
            same = member;
            ++sames;
          }
          if (theirs.empty() || mine.empty() || theirs == mine) {
            fits = member;
            ++fitting;
          }
        }
        const bool join = sames == 1 || fitting == 1;
        if (!join) {
          g.push_back(idx(i));
          continue;
        }
        const std::uint32_t other = sames == 1 ? same : fits;
        const std::string merged = mine.empty() ? written[uf.Find(other)] : mine;
        uf.Unite(idx(i), other);
        written[uf.Find(idx(i))] = merged;
      }
    }
  }
  // 1b. One person's surname written with and without a final e by two
  // outlets ("Kessar", "Kessare"): the same first name and the same role
  // given to both; never two whose initials after the first name differ
  // (a father and son of one office), which step 1 kept apart.
  {
    std::vector<std::string> written(n);  // per root: the initials its people write
    for (std::size_t i = 0; i < n; ++i) {
      std::string& w = written[uf.Find(idx(i))];
      if (w.empty()) w = m.recs[i].middle;
    }
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> first;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      for (std::uint32_t k = r.spell_begin; k < r.spell_end; ++k) {
        std::vector<std::uint32_t>& g = first[m.spellings[k]];
        bool joined = false;
        for (std::uint32_t member : g) {
          const std::uint32_t a = uf.Find(member), b = uf.Find(idx(i));
          if (a != b && !written[a].empty() && !written[b].empty() && written[a] != written[b]) continue;
          const std::string merged = written[a].empty() ? written[b] : written[a];
          uf.Unite(a, b);
          written[uf.Find(a)] = merged;
          joined = true;
          break;
        }
        if (!joined) g.push_back(idx(i));
      }
    }
  }
  // 1d. The same full name without a generation joins the one person
  // who has one ("Odal Varnell" with "Odal Varnell Jr."), since outlets
  // drop the suffix of a person known by it, unless some article names
  // both: then the name without it is another person (the father).
  {
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> marked, unmarked;
    std::unordered_set<std::uint64_t> both;  // bases some article names with and without a generation
    std::unordered_map<std::uint64_t, int> seen;  // in the current article: 1 marked, 2 unmarked, 3 both
    std::uint32_t article = UINT32_MAX;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      if (r.article != article) {
        seen.clear();
        article = r.article;
      }
      if (r.gen_base == 0) continue;
      (r.gen_marked ? marked : unmarked)[r.gen_base].push_back(idx(i));
      int& bits = seen[r.gen_base];
      bits |= r.gen_marked ? 1 : 2;
      if (bits == 3) both.insert(r.gen_base);
    }
    for (const auto& [base, people] : marked) {
      auto it = unmarked.find(base);
      if (it == unmarked.end() || both.count(base)) continue;
      // Only when one person has the generation: "Jr." and "Sr." both
      // written leave the bare name undecided.
      const std::uint32_t root = uf.Find(people.front());
      bool one = true;
      for (std::uint32_t p : people) one = one && uf.Find(p) == root;
      if (!one) continue;
      for (std::uint32_t p : it->second) uf.Unite(p, root);
    }
  }
  // 1c. A name of two words that is the short form of one three-word name
  // ("Odalys Kessar" of "Odalys Kessar Varnell", given name and first
  // surname; or "Kessar Varnell", the two surnames, with a role they share):
  // Spanish and Portuguese names carry two surnames that outlets drop or
  // keep. Only when one person's long name has that short form; the
  // surnames alone also need a shared title, since a given name may look
  // like a surname ("Juan Carlos Pardo", "Carlos Pardo").
  {
    std::unordered_map<std::uint64_t, std::uint32_t> by_short;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      for (std::uint32_t k = r.two_sur_begin; k < r.two_sur_end; ++k) Claim(by_short, m.two_surnames[k], uf.Find(idx(i)));
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> joins, surnames_only;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      if (r.short_given == 0 || r.two_sur_end > r.two_sur_begin) continue;
      if (auto it = by_short.find(r.short_given); it != by_short.end() && it->second != kMany) {
        joins.emplace_back(idx(i), it->second);
      } else if (it = by_short.find(r.short_surnames); it != by_short.end() && it->second != kMany &&
                 !m.locals[i].roles.empty()) {
        surnames_only.emplace_back(idx(i), it->second);
      }
    }
    if (!surnames_only.empty()) {
      // The titles of the people the surnames alone may name, in one pass.
      std::unordered_map<std::uint32_t, std::vector<const std::string*>> roles_of;
      for (auto [i, root] : surnames_only) roles_of.try_emplace(root);
      for (std::size_t j = 0; j < n; ++j) {
        auto it = roles_of.find(uf.Find(idx(j)));
        if (it == roles_of.end()) continue;
        for (const std::string& role : m.locals[j].roles) it->second.push_back(&role);
      }
      // "governor" and "regional governor": one title said more fully.
      auto same_title = [](const std::string& a, const std::string& b) {
        return a == b || (a.size() > b.size() && a.ends_with(" " + b)) || (b.size() > a.size() && b.ends_with(" " + a));
      };
      for (auto [i, root] : surnames_only) {
        bool shared = false;
        for (const std::string& a : m.locals[i].roles)
          for (const std::string* b : roles_of[root]) shared = shared || same_title(a, *b);
        if (shared) joins.emplace_back(i, root);
      }
    }
    for (auto [a, b] : joins) uf.Unite(a, b);
  }
  // 2. Surname-only people. A surname two full names share is settled by
  // a role only one of them holds ("President Kessar" is the president
  // among the Kessars), or that one of them holds in at least three times
  // as many articles as any other, two or more (a title the text gave
  // another Kessar once, in error or in passing); otherwise it stays
  // apart.
  // The surnames of full names (kept for 2b, which asks only whether a
  // word is one).
  std::unordered_map<std::uint64_t, std::uint32_t> by_surname;
  {
    std::unordered_map<std::uint64_t, std::uint32_t> by_surname_role, mononym;
    // surname|role -> (cluster, articles naming it so)
    std::unordered_map<std::uint64_t, std::vector<std::pair<std::uint32_t, std::uint32_t>>> role_counts;
    auto with_role = [](std::uint64_t surname, const std::string& role) {
      return Key("R", std::to_string(surname) + "|" + role);
    };
    // surname -> (cluster, articles naming it in full with that surname)
    std::unordered_map<std::uint64_t, std::vector<std::pair<std::uint32_t, std::uint32_t>>> full_counts;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      for (std::uint32_t k = r.sur_begin; k < r.sur_end; ++k) {
        Claim(by_surname, m.surnames[k], uf.Find(idx(i)));
        CountFor(full_counts[m.surnames[k]], uf.Find(idx(i)));
        for (const std::string& role : m.locals[i].roles) {
          const std::uint64_t key = with_role(m.surnames[k], role);
          const std::uint32_t root = uf.Find(idx(i));
          Claim(by_surname_role, key, root);
          CountFor(role_counts[key], root);
        }
      }
    }
    // The offices (title heads) each cluster holds: a surname with a title
    // joins no one whose titles all name other offices ("President
    // Kessar" and "first lady Ana Kessar").
    // A task ("negotiator", "mediator") is no office: an office holder
    // may take it on, so it neither counts as one nor clashes with one.
    const auto& task_roles = detail::GetLexicons().task_roles;
    auto task = [&](std::string_view head) { return task_roles.count(std::string(head)) > 0; };
    std::unordered_map<std::uint32_t, std::vector<std::string_view>> offices;
    for (std::size_t i = 0; i < n; ++i) {
      for (const std::string& role : m.locals[i].roles)
        if (!task(detail::RoleHead(role))) offices[uf.Find(idx(i))].push_back(detail::RoleHead(role));
    }
    auto other_office = [&](std::size_t i, std::uint32_t root) {
      auto it = offices.find(root);
      if (it == offices.end()) return false;
      bool office = false;
      for (const std::string& role : m.locals[i].roles) {
        if (task(detail::RoleHead(role))) continue;
        office = true;
        if (std::find(it->second.begin(), it->second.end(), detail::RoleHead(role)) != it->second.end()) return false;
      }
      return office;
    };
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      if (r.lone == 0) continue;
      auto it = by_surname.find(r.lone);
      if (it == by_surname.end()) {
        auto [mt, fresh] = mononym.try_emplace(r.lone, idx(i));
        if (!fresh) uf.Unite(idx(i), mt->second);
      } else if (it->second != kMany) {
        if (!other_office(i, it->second)) uf.Unite(idx(i), it->second);
      } else {
        std::uint32_t who = kMany;
        bool clash = false;
        for (const std::string& role : m.locals[i].roles) {
          const std::uint64_t key = with_role(r.lone, role);
          auto rt = by_surname_role.find(key);
          if (rt == by_surname_role.end()) continue;
          std::uint32_t holder = rt->second;
          if (holder == kMany) {
            std::uint32_t best = 0, second = 0;
            holder = Leader(role_counts[key], &best, &second);
            if (best < 2 || best < 3 * second) continue;
          }
          clash = clash || (who != kMany && who != holder);
          who = holder;
        }
        // With no title to tell, a surname alone is the one of its
        // bearers the articles name in full far more often than any other
        // (five times, in five articles or more): news names the others
        // in full.
        if (who == kMany && !clash && m.locals[i].roles.empty()) {
          std::uint32_t best = 0, second = 0;
          const std::uint32_t holder = Leader(full_counts[r.lone], &best, &second);
          if (best >= 5 && best >= 5 * second) who = holder;
        }
        if (who != kMany && !clash) uf.Unite(idx(i), who);
      }
    }
  }
  // 2b. A one-word person who is no one's surname and has no role, whose
  // word is the name of one place that the other articles name more often
  // ("shelling in Kessar", where one article's model took the unknown
  // village for a person): that place. Only towards a heavier place, so
  // that the merged entity is a place and a place never becomes a person.
  {
    std::unordered_map<std::uint64_t, std::uint32_t> place_of;
    std::vector<std::uint64_t> weight(n, 0), place_weight(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      const std::uint32_t root = uf.Find(idx(i));
      const std::uint64_t w = std::max<std::uint64_t>(m.locals[i].mention_count, 1);
      weight[root] += w;
      if (m.locals[i].type != "LOC") continue;
      place_weight[root] += w;
      for (std::uint32_t k = r.keys_begin; k < r.keys_end; ++k) Claim(place_of, m.keys[k], root);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> joins;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      if (r.lone_place == 0 || by_surname.count(r.lone)) continue;
      auto it = place_of.find(r.lone_place);
      if (it == place_of.end() || it->second == kMany) continue;
      const std::uint32_t person = uf.Find(idx(i)), place = uf.Find(it->second);
      if (person == place) continue;
      // The person's cluster holds only people known by one word: any other
      // member would make it someone.
      if (place_weight[person] > 0 || place_weight[place] <= weight[person]) continue;
      joins.emplace_back(person, place);
    }
    for (auto [a, b] : joins) uf.Unite(a, b);
  }
  // 3. Acronym-only organisations.
  {
    std::vector<bool> has_long(n, false);
    std::unordered_map<std::uint64_t, std::uint32_t> by_initials;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      if (!r.long_org) continue;
      std::uint32_t root = uf.Find(idx(i));
      has_long[root] = true;
      for (std::uint32_t k = r.ini_begin; k < r.ini_end; ++k) Claim(by_initials, m.inits[k], root);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> joins;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      if (!r.acronym_only || has_long[uf.Find(idx(i))]) continue;
      for (std::uint32_t k = r.ini_begin; k < r.ini_end; ++k) {
        auto it = by_initials.find(m.inits[k]);
        if (it != by_initials.end() && it->second != kMany) joins.emplace_back(idx(i), it->second);
      }
    }
    for (auto [a, b] : joins) uf.Unite(a, b);
  }

  // 4. "The Electoral Commission" and "the Electoral Commission of
  // Lenhall": an organisation named without its place joins the one named
  // with it, when the place is one the articles name as a place and no
  // other place's body has those words.
  {
    std::unordered_set<std::uint64_t> places;
    for (std::size_t i = 0; i < n; ++i) {
      if (m.locals[i].type != "LOC") continue;
      const Impl::Rec& r = m.recs[i];
      for (std::uint32_t k = r.keys_begin; k < r.keys_end; ++k) places.insert(m.keys[k]);
    }
    std::unordered_map<std::uint64_t, std::uint32_t> by_base;
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      if (r.qualified_bag != 0 && places.count(r.qualifier)) Claim(by_base, r.qualified_bag, uf.Find(idx(i)));
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> joins;
    for (std::size_t i = 0; i < n && !by_base.empty(); ++i) {
      const Impl::Rec& r = m.recs[i];
      if (r.bag == 0 || r.qualified_bag != 0) continue;
      auto it = by_base.find(r.bag);
      if (it != by_base.end() && it->second != kMany) joins.emplace_back(idx(i), it->second);
    }
    for (auto [a, b] : joins) uf.Unite(a, b);
  }

  // Group members by root, in Add order.
  std::vector<std::uint32_t> cluster_of(n, kMany);
  std::vector<std::vector<std::uint32_t>> clusters;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t root = uf.Find(idx(i));
    if (cluster_of[root] == kMany) {
      cluster_of[root] = idx(clusters.size());
      clusters.emplace_back();
    }
    clusters[cluster_of[root]].push_back(idx(i));
  }

  std::vector<Entity> out(clusters.size());
  std::vector<std::string> id_keys(clusters.size());
  std::unordered_map<std::string, int> id_uses;
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    const std::vector<std::uint32_t>& ms = clusters[c];
    Entity& e = out[c];
    std::map<std::string, std::uint64_t> types, countries, actors, home_countries, home_actors;
    struct NameUse {
      bool full = false;      // a full form
      int members = 0;        // members using it
      bool original = false;  // used by an article that is no translation
    };
    std::map<std::string, NameUse> names;
    std::uint64_t min_key = 0;
    bool have_key = false;
    std::string min_member;  // smallest "article id#local index", for keyless entities
    for (std::uint32_t i : ms) {
      const Impl::Rec& r = m.recs[i];
      const LocalEntity& l = m.locals[i];
      e.mention_count += l.mention_count;
      types[l.type] += std::max<std::uint64_t>(l.mention_count, 1);
      // A country said with the name in any article outweighs the
      // articles' own countries (an office holder named in a report
      // from abroad).
      if (!l.country.empty()) (l.country_from_article ? home_countries : countries)[l.country] += std::max<std::uint64_t>(l.mention_count, 1);
      if (!l.actor_code.empty()) (l.country_from_article ? home_actors : actors)[l.actor_code] += std::max<std::uint64_t>(l.mention_count, 1);
      auto& nm = names[l.name];
      nm.full = nm.full || r.name_full;
      ++nm.members;
      nm.original = nm.original || !m.article_translated[r.article];
      e.aliases.push_back(l.name);
      e.aliases.insert(e.aliases.end(), l.aliases.begin(), l.aliases.end());
      e.roles.insert(e.roles.end(), l.roles.begin(), l.roles.end());
      e.articles.push_back(m.article_ids[r.article]);
      if (r.keys_end > r.keys_begin && (!have_key || m.keys[r.keys_begin] < min_key)) {
        min_key = m.keys[r.keys_begin];
        have_key = true;
      }
      std::string member = m.article_ids[r.article] + "#" + std::to_string(r.local);
      if (min_member.empty() || member < min_member) min_member = std::move(member);
    }
    e.type = Heaviest(types);
    bool outlet = false;
    if (e.type != "PERSON" && !m.outlets.empty()) {
      outlet = m.outlets.count(OutletKey(e.name)) > 0;
      for (std::size_t k = 0; k < e.aliases.size() && !outlet; ++k) outlet = m.outlets.count(OutletKey(e.aliases[k])) > 0;
      if (outlet) e.type = "ORG";
    }
    e.country = Heaviest(countries);
    e.actor_code = Heaviest(actors);
    if (e.country.empty() && e.actor_code.empty()) {
      e.country = Heaviest(home_countries);
      e.actor_code = Heaviest(home_actors);
    }
    // An outlet of the corpus is a news medium: CAMEO's MED sector, after
    // its country when the articles give one ("told the Lenhall Herald").
    // A code the gazetteer gave (a state broadcaster's GOVMED) stays.
    if (outlet && e.actor_code.empty()) e.actor_code = (e.country.size() == 3 ? e.country : std::string()) + "MED";
    // Canonical name: a full form over a surname or acronym, then the most
    // frequent, then one an original article wrote (a translation's
    // spelling follows its language: "Schukowski"), then the longest, then
    // the first in byte order.
    const std::string* best = nullptr;
    NameUse best_use;
    for (const auto& [name, use] : names) {
      if (name.empty()) continue;
      auto rank = [](const NameUse& u, const std::string& s) { return std::make_tuple(u.full, u.members, u.original, s.size()); };
      if (best == nullptr || rank(use, name) > rank(best_use, *best)) {
        best = &name;
        best_use = use;
      }
    }
    if (best != nullptr) e.name = *best;
    for (auto* v : {&e.aliases, &e.roles, &e.articles}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), std::string()), e.aliases.end());
    id_keys[c] = e.type + "|" + (have_key ? Hex64(min_key) : "member|" + min_member);
    ++id_uses[id_keys[c]];
  }
  // Two clusters can only share a key-derived id through a hash collision;
  // both then take their smallest member as well, whatever the Add order.
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    std::string key = id_keys[c];
    if (id_uses[key] > 1) {
      const Impl::Rec& r0 = m.recs[clusters[c][0]];
      std::string member = m.article_ids[r0.article] + "#" + std::to_string(r0.local);
      for (std::uint32_t i : clusters[c]) {
        std::string s = m.article_ids[m.recs[i].article] + "#" + std::to_string(m.recs[i].local);
        if (s < member) member = s;
      }
      key += "|" + member;
    }
    out[c].id = MakeId('e', key);
  }

  std::vector<std::uint32_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = idx(i);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return out[a].id < out[b].id; });
  std::vector<std::uint32_t> position(out.size());
  std::vector<Entity> sorted;
  sorted.reserve(out.size());
  for (std::size_t p = 0; p < order.size(); ++p) {
    position[order[p]] = idx(p);
    sorted.push_back(std::move(out[order[p]]));
  }
  if (assignment != nullptr) {
    assignment->assign(m.article_sizes.size(), {});
    for (std::size_t a = 0; a < m.article_sizes.size(); ++a) (*assignment)[a].resize(m.article_sizes[a]);
    for (std::size_t i = 0; i < n; ++i) {
      const Impl::Rec& r = m.recs[i];
      (*assignment)[r.article][r.local] = position[cluster_of[uf.Find(idx(i))]];
    }
  }
  MergeOptions options = std::move(m.options);
  impl_ = std::make_unique<Impl>();
  impl_->options = std::move(options);
  return sorted;
}

}  // namespace sitrep::resolve
