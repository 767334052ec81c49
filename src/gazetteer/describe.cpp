// DescribeMentions: roles, countries and CAMEO actor codes for the
// mentions of one article, from the gazetteer and the article's tokens.
#include <algorithm>
#include <unordered_map>

#include "gazetteer/gazetteer.h"

namespace sitrep::gazetteer {
namespace {

bool EqLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    if (c != lower[i]) return false;
  }
  return true;
}

bool IsDeterminer(std::string_view s) { return EqLower(s, "the") || EqLower(s, "a") || EqLower(s, "an"); }

bool IsPossessiveDeterminer(std::string_view s) {
  return EqLower(s, "its") || EqLower(s, "his") || EqLower(s, "her") || EqLower(s, "their") || EqLower(s, "our");
}

bool IsPossessiveMarker(std::string_view s) {
  return s == "'s" || s == "\xE2\x80\x99s" || s == "'" || s == "\xE2\x80\x99" || s == "'S";
}

bool IsPreposition(std::string_view s) {
  return EqLower(s, "of") || EqLower(s, "for") || EqLower(s, "at") || EqLower(s, "in") || EqLower(s, "to") ||
         EqLower(s, "with") || EqLower(s, "from");
}

bool IsComma(std::string_view s) { return s == ","; }

// A hyphen or dash token joining the parts of a name ("Villa-Rouge").
bool IsHyphen(std::string_view s) { return s == "-" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91"; }

// What a phrase around a mention says: its role, country and the codes of
// the bodies and organisations it names.
struct Reading {
  std::string role;
  std::string role_sector;
  bool has_role = false;
  bool eli = false;
  std::string country;
  std::string body_code;    // a body with a country ("RUSGOV")
  std::string body_sector;  // a generic body ("GOVMIL")
  std::string org_code;
  bool any() const { return has_role || !country.empty() || !body_code.empty() || !org_code.empty(); }
};

// A gazetteer phrase found next to a mention: tokens [b, e) and the ids of
// the entries it names; `possessive` when it is followed by 's.
struct Item {
  std::uint32_t b = 0, e = 0;
  std::vector<std::uint32_t> ids;
  bool possessive = false;
};

constexpr std::uint16_t kPhraseKinds =
    kRole | kRoleModifier | kQualifier | kHonorific | kDemonym | kCountry | kGovBody | kOrganisation | kCity | kSubdivision | kArea;

class Describer {
 public:
  Describer(const Gazetteer& g, Article& a) : g_(g), a_(a) {
    const std::size_t n = a.tokens.size();
    views_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Token& t = a.tokens[i];
      if (t.begin <= t.end && t.end <= a.text.size()) views_[i] = a.TokenText(t);
    }
    sentence_of_.assign(n, 0);
    for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
      const Sentence& se = a.sentences[s];
      if (se.first_token > se.end_token || se.end_token > n) continue;
      for (std::uint32_t t = se.first_token; t < se.end_token; ++t) sentence_of_[t] = s;
      std::size_t before = matches_.size();
      g_.MatchTokens(views_.data() + se.first_token, se.token_count(), &matches_);
      for (std::size_t k = before; k < matches_.size(); ++k) {
        matches_[k].begin_token += se.first_token;
        matches_[k].end_token += se.first_token;
      }
    }
    DropPlacesInPersonNames();
    // Sentences are in text order in practice; sort anyway so the index
    // below holds whatever order they come in.
    std::stable_sort(matches_.begin(), matches_.end(),
                     [](const Match& x, const Match& y) { return x.begin_token < y.begin_token; });
    // Index the matches by begin and by end token.
    by_begin_.assign(n + 1, 0);
    by_end_.assign(n + 2, 0);
    for (const Match& m : matches_) {
      ++by_begin_[m.begin_token + 1 <= n ? m.begin_token + 1 : n];
      ++by_end_[m.end_token + 1];
    }
    for (std::size_t i = 1; i <= n; ++i) by_begin_[i] += by_begin_[i - 1];
    for (std::size_t i = 1; i < by_end_.size(); ++i) by_end_[i] += by_end_[i - 1];
    end_order_.resize(matches_.size());
    std::vector<std::uint32_t> fill(by_end_.begin(), by_end_.end());
    for (std::uint32_t k = 0; k < matches_.size(); ++k) end_order_[fill[matches_[k].end_token]++] = k;
    NoteNamedTowns();
  }

  void Run() {
    for (Mention& m : a_.mentions) {
      std::uint32_t b, e;
      if (!TokenRange(m, &b, &e)) continue;
      // "Europe", "the Middle East": a world region the recogniser took for
      // a name of another kind is a place.
      if ((m.type == "PERSON" || m.type == "ORG") && IsRegionName(b, e)) m.type = "LOC";
      if (m.type == "PERSON") {
        DescribePerson(m, b, e);
      } else if (m.type == "ORG") {
        DescribeOrg(m, b, e);
      } else if (m.type == "LOC") {
        DescribeLoc(m, b, e);
      } else if (m.type == "MISC") {
        DescribeMisc(m, b, e);
      }
    }
    HomeCountry();
  }

 private:
  // A place's name inside a person's name is no place (many surnames are
  // also towns' names abroad, and "Paul" is a district of Cape Verde):
  // read as one, "a former Harlow adviser" was British. Kept when a title
  // follows it in the mention ("Moscow Mayor X", as the recogniser may
  // leave it).
  void DropPlacesInPersonNames() {
    const std::size_t n = views_.size();
    std::vector<std::int32_t>& person = person_;
    person.assign(n, -1);
    std::vector<std::uint32_t> person_end(a_.mentions.size(), 0);
    for (std::size_t k = 0; k < a_.mentions.size(); ++k) {
      std::uint32_t b, e;
      if (a_.mentions[k].type != "PERSON" || !TokenRange(a_.mentions[k], &b, &e)) continue;
      for (std::uint32_t t = b; t < e && t < n; ++t) person[t] = static_cast<std::int32_t>(k);
      person_end[k] = e;
    }
    std::vector<bool> title(n, false);
    for (const Match& m : matches_) {
      if ((g_.entry(m.entry).kind & (kRole | kRoleModifier | kHonorific)) && m.begin_token < n) title[m.begin_token] = true;
    }
    constexpr std::uint16_t kPlaces = kCity | kSubdivision | kArea | kCountry;
    std::erase_if(matches_, [&](const Match& m) {
      if (!(g_.entry(m.entry).kind & kPlaces) || m.begin_token >= m.end_token || m.end_token > n) return false;
      const std::int32_t p = person[m.begin_token];
      if (p < 0) return false;
      for (std::uint32_t t = m.begin_token; t < m.end_token; ++t) {
        if (person[t] != p) return false;
      }
      for (std::uint32_t t = m.end_token; t < person_end[static_cast<std::size_t>(p)]; ++t) {
        if (title[t]) return false;
      }
      return true;
    });
  }

  // The first-order divisions (country and GeoNames admin1 code) of the
  // towns the article names as places, each read as the largest town of
  // its name: "Georgia" beside "Atlanta" is the US state.
  void NoteNamedTowns() {
    for (const Mention& m : a_.mentions) {
      std::uint32_t b, e;
      if (m.type != "LOC" || !TokenRange(m, &b, &e)) continue;
      const Entry* largest = nullptr;
      if (b + 1 >= by_begin_.size()) continue;
      for (std::uint32_t k = by_begin_[b]; k < by_begin_[b + 1]; ++k) {
        const Match& x = matches_[k];
        if (x.begin_token != b || x.end_token != e) continue;
        const Entry& c = g_.entry(x.entry);
        if (c.kind == kCity && (largest == nullptr || c.population > largest->population)) largest = &c;
      }
      if (largest != nullptr && !largest->admin1.empty()) towns_in_.emplace_back(largest->country, largest->admin1);
    }
    std::sort(towns_in_.begin(), towns_in_.end());
  }

  // The country of the places `ids` name: a state or province some town
  // of the article lies in wins ("Georgia" beside "Atlanta"), else the
  // gazetteer's choice (Gazetteer::CountryOfEntries).
  std::string CountryIn(const std::vector<std::uint32_t>& ids) const {
    std::string c = NamedTownDivision(ids);
    return c.empty() ? g_.CountryOfEntries(ids.data(), ids.size()) : c;
  }
  // The country of a state or province among `ids` that some town of the
  // article lies in, or empty.
  std::string NamedTownDivision(const std::vector<std::uint32_t>& ids) const {
    if (towns_in_.empty()) return std::string();
    for (std::uint32_t id : ids) {
      const Entry& x = g_.entry(id);
      if (x.kind != kSubdivision || x.country.empty()) continue;
      const std::size_t dash = x.code.find('-');
      if (dash == std::string::npos) continue;
      const std::pair<std::string, std::string> key(x.country, x.code.substr(dash + 1));
      if (std::binary_search(towns_in_.begin(), towns_in_.end(), key)) return x.country;
    }
    return std::string();
  }

  // ---- token helpers

  bool TokenRange(const Mention& m, std::uint32_t* b, std::uint32_t* e) const {
    const auto& t = a_.tokens;
    auto it = std::lower_bound(t.begin(), t.end(), m.begin, [](const Token& x, std::uint32_t v) { return x.end <= v; });
    if (it == t.end() || it->begin >= m.end) return false;
    std::uint32_t first = static_cast<std::uint32_t>(it - t.begin());
    std::uint32_t last = first;
    while (last < t.size() && t[last].begin < m.end && sentence_of_[last] == sentence_of_[first]) ++last;
    *b = first;
    *e = last;
    return true;
  }
  std::uint32_t SentenceBegin(std::uint32_t tok) const { return a_.sentences[sentence_of_[tok]].first_token; }
  std::uint32_t SentenceEnd(std::uint32_t tok) const { return a_.sentences[sentence_of_[tok]].end_token; }
  bool HasParse(std::uint32_t tok) const { return !a_.tokens[tok].deprel.empty(); }
  // Absolute index of the head of `tok`, or -1.
  std::int64_t Head(std::uint32_t tok) const {
    std::int32_t h = a_.tokens[tok].head;
    if (h < 0) return -1;
    std::int64_t abs = static_cast<std::int64_t>(SentenceBegin(tok)) + h;
    if (abs >= SentenceEnd(tok)) return -1;
    return abs;
  }

  // Entries of kinds `mask` for the exact span [b, e), in id order.
  void SpanEntries(std::uint32_t b, std::uint32_t e, std::uint16_t mask, std::vector<std::uint32_t>* ids) const {
    ids->clear();
    if (b >= views_.size()) return;
    for (std::uint32_t k = by_begin_[b]; k < by_begin_[b + 1]; ++k) {
      const Match& m = matches_[k];
      if (m.end_token == e && (g_.entry(m.entry).kind & mask)) ids->push_back(m.entry);
    }
  }
  bool HasKind(const std::vector<std::uint32_t>& ids, std::uint16_t mask) const {
    for (std::uint32_t id : ids)
      if (g_.entry(id).kind & mask) return true;
    return false;
  }
  const Entry* FirstOf(const std::vector<std::uint32_t>& ids, std::uint16_t mask) const {
    for (std::uint32_t id : ids)
      if (g_.entry(id).kind & mask) return &g_.entry(id);
    return nullptr;
  }

  // The longest phrase of kinds `mask` that ends at token `e` and starts at
  // or after `lo`.
  bool LongestEndingAt(std::uint32_t e, std::uint32_t lo, std::uint16_t mask, Item* out) const {
    if (e >= by_end_.size() - 1) return false;
    bool found = false;
    for (std::uint32_t k = by_end_[e]; k < by_end_[e + 1]; ++k) {
      const Match& m = matches_[end_order_[k]];
      if (m.begin_token < lo || !(g_.entry(m.entry).kind & mask)) continue;
      if (!found || m.begin_token < out->b) {
        out->b = m.begin_token;
        found = true;
      }
    }
    if (!found) return false;
    out->e = e;
    out->possessive = false;
    SpanEntries(out->b, e, mask, &out->ids);
    return !out->ids.empty();
  }
  // The longest phrase of kinds `mask` that starts at `b` and ends at or
  // before `hi`.
  bool LongestStartingAt(std::uint32_t b, std::uint32_t hi, std::uint16_t mask, Item* out) const {
    if (b >= views_.size()) return false;
    for (std::uint32_t k = by_begin_[b]; k < by_begin_[b + 1]; ++k) {
      const Match& m = matches_[k];  // longer spans first
      if (m.end_token > hi || !(g_.entry(m.entry).kind & mask)) continue;
      out->b = b;
      out->e = m.end_token;
      out->possessive = false;
      SpanEntries(b, m.end_token, mask, &out->ids);
      if (!out->ids.empty()) return true;
    }
    return false;
  }

  // False for a phrase that can only be a city or subdivision and is not
  // capitalised: ordinary words ("Mobile", "Split", "Of") are names too.
  bool IsPlaceName(const Item& it) const {
    return HasKind(it.ids, kPhraseKinds & ~(kCity | kSubdivision | kArea)) || IsCapitalised(it.b);
  }

  // Phrases right before token `pos` (back to `lo`), nearest last in the
  // returned order (text order).
  std::vector<Item> ScanLeft(std::uint32_t pos, std::uint32_t lo) const {
    std::vector<Item> items;
    while (pos > lo) {
      Item it;
      std::uint32_t end = pos;
      bool possessive = false;
      if (IsPossessiveMarker(views_[pos - 1]) && pos - 1 > lo) {
        end = pos - 1;
        possessive = true;
      } else if (views_[pos - 1] == "." && pos - 1 > lo) {
        // "Gen. X" split as "Gen" "."
        Item probe;
        if (LongestEndingAt(pos - 1, lo, kRole | kHonorific, &probe)) end = pos - 1;
      }
      std::uint16_t mask = possessive ? (kCountry | kGovBody | kOrganisation | kCity | kSubdivision | kArea) : kPhraseKinds;
      if (!LongestEndingAt(end, lo, mask, &it)) break;
      // Cities and subdivisions only count in the possessive ("Kyiv's mayor")
      // or when capitalised: ordinary words ("Mobile", "Split") are names too.
      if (!possessive && !IsPlaceName(it)) break;
      // A qualifier the parse reads as a verb heading its own clause is
      // none: "the lawyer leading Mrs. X's search" gives X no title.
      if (it.e == it.b + 1 && HasKind(it.ids, kQualifier) && !HasKind(it.ids, kRole) && a_.tokens[it.b].upos == "VERB" &&
          a_.tokens[it.b].deprel != "amod") {
        break;
      }
      it.possessive = possessive;
      items.push_back(std::move(it));
      pos = items.back().b;
    }
    std::reverse(items.begin(), items.end());
    return items;
  }

  // Phrases from token `pos` up to `hi`, skipping adjectives the parser
  // marked and one leading determiner.
  std::vector<Item> ScanRight(std::uint32_t pos, std::uint32_t hi) const {
    std::vector<Item> items;
    if (pos < hi && IsDeterminer(views_[pos])) ++pos;
    int skipped = 0;
    bool owner_skipped = false;
    // "X, the company's spokeswoman", "X, a ministry spokeswoman": a word
    // before the role that the gazetteer does not know (or knows only as
    // a town spelt like a common word, "the centre's director") says whose
    // role it is, not which; the role is read on.
    auto skip_owner = [&]() {
      if (owner_skipped) return false;
      // Only before the role, after nothing or its modifiers ("a former
      // Kessar adviser").
      for (const Item& x : items) {
        if (!HasKind(x.ids, kRoleModifier | kQualifier) || HasKind(x.ids, kRole)) return false;
      }
      // "X, Kessar Freight's chief executive": an owner and its possessive.
      std::uint32_t k = pos;
      while (k < hi && k < pos + 5 && !IsPossessiveMarker(views_[k]) && !IsComma(views_[k])) ++k;
      bool owner = k < hi && k > pos && IsPossessiveMarker(views_[k]);
      for (std::uint32_t x = pos; owner && x < k; ++x) {
        owner = IsCapitalised(x) || (k == pos + 1 && a_.tokens[x].upos == "NOUN");
      }
      if (owner) {
        owner_skipped = true;
        pos = k + 1;
        return true;
      }
      // A person's name before a role: "a former Kessar adviser" (the
      // recogniser's mention, read whole).
      if (pos < person_.size() && person_[pos] >= 0) {
        std::uint32_t name_end = pos;
        while (name_end < hi && name_end < person_.size() && person_[name_end] == person_[pos]) ++name_end;
        Item after;
        if (name_end < hi && LongestStartingAt(name_end, hi, kRole, &after)) {
          owner_skipped = true;
          pos = name_end;
          return true;
        }
      }
      // One common noun right before a role: "a ministry spokeswoman"
      // (in lower case, whatever the tagger called it).
      Item role;
      const std::string_view upos = a_.tokens[pos].upos;
      if ((upos == "NOUN" || upos == "PROPN") && !IsCapitalised(pos) && pos + 1 < hi &&
          LongestStartingAt(pos + 1, hi, kRole, &role)) {
        owner_skipped = true;
        ++pos;
        return true;
      }
      return false;
    };
    while (pos < hi) {
      Item it;
      if (!LongestStartingAt(pos, hi, kPhraseKinds, &it)) {
        if (a_.tokens[pos].upos == "ADJ" && skipped < 2) {
          ++skipped;
          ++pos;
          continue;
        }
        if (skip_owner()) continue;
        break;
      }
      // As in ScanLeft: a town named like a common word ("of", a town in
      // Turkey) counts only when capitalised.
      if (!IsPlaceName(it)) {
        if (skip_owner()) continue;
        break;
      }
      pos = it.e;
      if (pos < hi && IsPossessiveMarker(views_[pos])) {
        it.possessive = true;
        ++pos;
      }
      items.push_back(std::move(it));
    }
    // "a spokesman for the Kremlin", "foreign minister of Russia"
    if (!items.empty() && pos + 1 < hi && IsPreposition(views_[pos])) {
      std::uint32_t p = pos + 1;
      if (p < hi && IsDeterminer(views_[p])) ++p;
      Item it;
      if (LongestStartingAt(p, hi, kCountry | kGovBody | kOrganisation | kDemonym | kCity | kSubdivision, &it) &&
          IsPlaceName(it) && !TownInsideLongerName(it)) {
        it.possessive = true;  // "of Russia" reads as "Russia's"
        items.push_back(std::move(it));
      }
    }
    return items;
  }

  // A town's name that starts or sits inside a longer name the recogniser
  // typed as an organisation or other name ("president of Harlow College")
  // names the organisation, not where it is: many colleges, clubs and firms
  // are named after a town, and the town of the name is often not the one
  // the gazetteer knows best.
  bool TownInsideLongerName(const Item& it) const {
    if (HasKind(it.ids, kPhraseKinds & ~(kCity | kSubdivision | kArea))) return false;
    for (const Mention& m : a_.mentions) {
      if (m.type != "ORG" && m.type != "MISC") continue;
      std::uint32_t b, e;
      if (!TokenRange(m, &b, &e)) continue;
      if (b <= it.b && it.e <= e && e - b > it.e - it.b) return true;
    }
    return false;
  }

  static bool IsRelativeWord(std::string_view w) {
    return EqLower(w, "who") || EqLower(w, "whom") || EqLower(w, "whose") || EqLower(w, "which") ||
           EqLower(w, "that") || EqLower(w, "where") || EqLower(w, "when");
  }

  bool IsCapitalised(std::uint32_t tok) const {
    std::string_view v = views_[tok];
    if (v.empty()) return false;
    unsigned char c = static_cast<unsigned char>(v[0]);
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
  }

  // ---- interpretation

  std::string CountryOfItem(const Item& it) const {
    if (std::string c = NamedTownDivision(it.ids); !c.empty()) return c;
    if (const Entry* e = FirstOf(it.ids, kCountry | kDemonym)) return e->country;
    std::vector<std::uint32_t> places;
    for (std::uint32_t id : it.ids)
      if (g_.entry(id).kind & (kCity | kSubdivision | kArea)) places.push_back(id);
    return CountryIn(places);
  }

  // Reads a run of phrases: modifiers and roles make the role; the rest
  // give the country and the body or organisation. Requires a role.
  Reading Read(const std::vector<Item>& items) const {
    Reading r;
    // The head role: the last phrase that can be a role.
    int head = -1;
    for (int i = static_cast<int>(items.size()) - 1; i >= 0; --i) {
      if (HasKind(items[static_cast<std::size_t>(i)].ids, kRole)) {
        head = i;
        break;
      }
    }
    if (head < 0) return r;
    std::string role;
    for (int i = 0; i <= head; ++i) {
      const Item& it = items[static_cast<std::size_t>(i)];
      const Entry* mod = FirstOf(it.ids, kRoleModifier);
      // Every modifier in the phrase qualifies the head role:
      // "former U.S. President" -> "former president".
      if (i < head && mod != nullptr) {
        if (mod->code == "ELI") r.eli = true;
        if (!role.empty()) role += ' ';
        role += mod->name;
      }
    }
    const Entry* head_role = FirstOf(items[static_cast<std::size_t>(head)].ids, kRole);
    if (!role.empty()) role += ' ';
    role += head_role->name;
    r.role = role;
    r.role_sector = head_role->sector;
    r.has_role = true;
    if (r.role_sector.empty()) {
      for (int i = head - 1; i >= 0; --i) {
        const Entry* e = FirstOf(items[static_cast<std::size_t>(i)].ids, kRole);
        if (e != nullptr && !e->sector.empty() && !HasKind(items[static_cast<std::size_t>(i)].ids, kRoleModifier)) {
          r.role_sector = e->sector;
          break;
        }
      }
    }
    for (const Item& it : items) {
      if (HasKind(it.ids, kRole | kRoleModifier | kQualifier | kHonorific) &&
          !HasKind(it.ids, kCountry | kDemonym | kGovBody | kOrganisation))
        continue;
      if (const Entry* o = FirstOf(it.ids, kOrganisation)) {
        if (r.org_code.empty()) r.org_code = o->code;
        if (r.country.empty()) r.country = o->country;
        continue;
      }
      if (std::string d = NamedTownDivision(it.ids); !d.empty()) {
        if (r.country.empty()) r.country = d;
        continue;
      }
      if (const Entry* c = FirstOf(it.ids, kCountry | kDemonym)) {
        if (r.country.empty()) r.country = c->country;
        continue;
      }
      if (const Entry* b = FirstOf(it.ids, kGovBody)) {
        if (!b->country.empty()) {
          if (r.body_code.empty()) r.body_code = b->code;
          if (r.country.empty()) r.country = b->country;
        } else if (r.body_sector.empty()) {
          r.body_sector = b->sector;
        }
        continue;
      }
      if (r.country.empty()) r.country = CountryOfItem(it);
    }
    return r;
  }

  std::string ActorCode(const Reading& r) const {
    if (!r.org_code.empty()) return r.org_code;
    std::string cameo = r.country.empty() ? std::string() : g_.CameoCountry(r.country);
    if (r.eli) return cameo.empty() ? std::string() : cameo + "ELI";
    if (!r.body_code.empty()) return r.body_code;
    // A rebel or militia leader of no known country is still coded by
    // what the group is, as CAMEO codes actors without a country; the
    // state's sectors say nothing without one.
    if (cameo.empty()) return r.role_sector == "REB" ? r.role_sector : std::string();
    if (!r.role_sector.empty()) return cameo + r.role_sector;
    if (!r.body_sector.empty()) return cameo + r.body_sector;
    return cameo;
  }

  static void Merge(Reading& into, const Reading& from) {
    if (!into.has_role && from.has_role) {
      into.role = from.role;
      into.role_sector = from.role_sector;
      into.has_role = true;
      into.eli = into.eli || from.eli;
    }
    if (into.country.empty()) into.country = from.country;
    if (into.body_code.empty()) into.body_code = from.body_code;
    if (into.body_sector.empty()) into.body_sector = from.body_sector;
    if (into.org_code.empty()) into.org_code = from.org_code;
  }

  // ---- The article's own country

  // The country the article is about, when it is clearly about one: nearly
  // all the places and bodies it names with a country, each named
  // unambiguously, are in it (three or more, nine in ten). It settles
  // what the words near a name leave open:
  //  - a place name shared by places of several countries ("Florida" is a
  //    US state, a Uruguayan department and towns in Cuba and Colombia)
  //    is the one in the country the article's other places are in
  //    (the country most of them are in, two or more, more than any other
  //    country of the name's; this needs no clear home country); so is a
  //    country's name that is also a state there ("Georgia" in news of
  //    Iowa and Ohio), or a town's name that it has a town of like size
  //    of, when nothing else in the article is in the other country;
  //  - an office holder whose country nothing near the name says ("former
  //    President X", "Governor Y") holds the office in the article's
  //    country, unless the person's sentence names another (a role in
  //    lower case gives the country alone when its sector is the state's:
  //    "the general manager" may be a team's). News writes a
  //    foreign office holder with the country ("Lenhall's president") and
  //    its own country's without; but a report from abroad ("talks in
  //    Lenhall", 3 in 4 of its places there) names its own country's
  //    officials without it too, so an article of two countries places
  //    no one;
  //  - so does a body named without its country ("the Senate", "the
  //    Supreme Court");
  //  - when the article's web address ends in a country's domain, that
  //    country is the outlet's: an article whose places are elsewhere
  //    places no one (its own officials and the foreign ones are alike
  //    untold), one that names no place is about the outlet's country.
  void HomeCountry() {
    if (untold_.empty() && shared_names_.empty() && bodies_.empty()) return;
    std::unordered_map<std::string, int> count;
    int total = 0;
    std::vector<bool> shared(a_.mentions.size(), false);
    for (const auto& [index, countries] : shared_names_) shared[index] = true;
    for (std::size_t i = 0; i < a_.mentions.size(); ++i) {
      const Mention& m = a_.mentions[i];
      if (m.type == "PERSON" || m.country.empty() || shared[i]) continue;
      ++count[m.country];
      ++total;
    }
    std::string home;
    int best = 0;
    for (const auto& [c, k] : count) {
      if (k > best || (k == best && c < home)) {
        best = k;
        home = c;
      }
    }
    if (best < 3 || 10 * best < 9 * total) home.clear();
    // The outlet's country, when its web address says it, outweighs the
    // places: a paper writes its own country's officials without the
    // country even in a report from abroad, where the places would place
    // them wrongly; and an article that names no place at all is about
    // the outlet's own country.
    const std::string outlet = a_.url ? g_.CountryOfWebAddress(*a_.url) : std::string();
    if (!outlet.empty()) {
      if (total == 0) home = outlet;
      else if (home != outlet) home.clear();
    }
    for (const auto& [index, countries] : shared_names_) {
      Mention& m = a_.mentions[index];
      // The country of the name's most of the article's places are in:
      // two or more, more than any other of the name's countries.
      std::string pick;
      int most = 1, second = 0;
      for (const Candidate& cand : countries) {
        const auto it = count.find(cand.country);
        const int k = it == count.end() ? 0 : it->second;
        if (k > most) {
          second = most;
          most = k;
          pick = cand.country;
        } else if (k > second) {
          second = k;
        }
      }
      if (second == most || pick == m.country) continue;
      if (!m.country.empty()) {
        // Another country's place the gazetteer chose, which nothing else
        // in the article is in, gives way to the state of that name
        // ("Georgia"), or to a town about as large ("Manchester" in New
        // Hampshire news; not "Paris" to a Texan town a hundredth its
        // size).
        if (count.count(m.country)) continue;
        const Candidate* chosen = nullptr;
        const Candidate* ours = nullptr;
        for (const Candidate& k : countries) {
          if (k.country == m.country) chosen = &k;
          if (k.country == pick) ours = &k;
        }
        if (!chosen || !ours ||
            !(ours->state || (!chosen->state && !chosen->nation && 5 * static_cast<std::uint64_t>(ours->population) >= chosen->population)))
          continue;
      }
      m.country = pick;
      m.actor_code = m.as_actor ? g_.CameoCountry(pick) : std::string();
    }
    if (home.empty()) return;
    // The sentences that name a country other than home's, found in one
    // pass (a test per person against every mention would grow with the
    // square of a long article's names).
    std::vector<bool> foreign(a_.sentences.size(), false);
    for (const Mention& o : a_.mentions) {
      std::uint32_t ob, oe;
      if (o.country.empty() || o.country == home || !TokenRange(o, &ob, &oe)) continue;
      foreign[sentence_of_[ob]] = true;
    }
    auto other_country_near = [&](const Mention& m) {
      std::uint32_t b, e;
      return !TokenRange(m, &b, &e) || foreign[sentence_of_[b]];
    };
    for (const auto& [index, sector] : bodies_) {
      Mention& m = a_.mentions[index];
      if (!m.country.empty() || other_country_near(m)) continue;
      m.country = home;
      m.actor_code = g_.CameoCountry(home) + sector;
      m.country_from_article = true;
    }
    for (auto& [index, r, office] : untold_) {
      Mention& m = a_.mentions[index];
      if (!m.country.empty() || other_country_near(m)) continue;
      r.country = home;
      m.country = home;
      m.country_from_article = true;
      // The state's sectors only for an office: "director", "manager" or
      // "agent" in lower case is as likely a company's or a team's.
      static constexpr std::string_view kState[] = {"GOV", "MIL", "LEG", "SPY", "COP"};
      if (!office && std::find(std::begin(kState), std::end(kState), r.role_sector) != std::end(kState)) r.role_sector.clear();
      std::string code = ActorCode(r);
      if (!code.empty()) m.actor_code = code;
    }
  }

  // ---- PERSON

  void DescribePerson(Mention& m, std::uint32_t b, std::uint32_t e) {
    const std::uint32_t sb = SentenceBegin(b), se = SentenceEnd(b);
    // A title the NER kept inside the mention ("President X"): the name
    // starts after it.
    std::uint32_t name_start = b;
    while (name_start + 1 < e) {
      Item it;
      if (!LongestStartingAt(name_start, e - 1, kRole | kRoleModifier | kQualifier | kHonorific | kDemonym | kCountry,
                             &it))
        break;
      name_start = it.e;
    }
    // A title after a capitalised word the gazetteer does not know
    // ("Ostrovan Interior Minister X", a demonym of a place it lacks):
    // the name still starts after the title, and the mention is cut to it.
    for (std::uint32_t p = name_start + 1; p + 1 < e; ++p) {
      Item it;
      if (!LongestStartingAt(p, e - 1, kRole | kRoleModifier, &it) || !HasKind(it.ids, kRole)) continue;
      bool capitals = true;
      for (std::uint32_t k = name_start; k < e && capitals; ++k) capitals = IsCapitalised(k);
      if (!capitals) break;
      name_start = it.e;
      m.begin = a_.tokens[name_start].begin;
      break;
    }
    Reading r;
    // 1. A title right before the name.
    const std::vector<Item> title_items = ScanLeft(name_start, sb);
    Reading title = Read(title_items);
    if (title.has_role) r = title;
    // 2. An apposition after it.
    Reading former;  // an apposition that names only an office once held
    if (!r.has_role || r.country.empty()) {
      Reading appos = ReadApposition(b, e, se);
      if (appos.has_role && !r.has_role && appos.eli) former = appos;
      if (appos.has_role) {
        if (r.has_role) {
          // The title already says the role; take only what it lacks.
          appos.has_role = false;
          appos.eli = false;
        }
        Merge(r, appos);
      }
    }
    // 3. A title before, set off by commas: "The Kremlin spokesman, X, said".
    const bool closes = e >= se || IsComma(views_[e]) ||
                        (e + 1 == se && (views_[e] == "." || views_[e] == "!" || views_[e] == "?"));
    // The role phrase that ends with the comma at `comma`.
    auto set_off_before = [&](std::uint32_t comma) {
      Reading rev;
      std::vector<Item> items = ScanLeft(comma, sb);
      // "The President of the Central Bank of Kessar, X,": the office of an
      // organisation the gazetteer does not know, its name in capitals
      // between "of" and the comma. The last "of" that closes a role wins:
      // "the Minister of Trade of Kessar, X," holds the whole office, not
      // "minister".
      const bool role_before = !items.empty() && HasKind(items.back().ids, kRole);
      const std::uint32_t lowest = comma > sb + 12 ? comma - 12 : sb + 1;
      for (std::uint32_t o = comma - 1; !role_before && o >= lowest && o > sb; --o) {
        if (!EqLower(views_[o], "of")) continue;
        bool name = false, plain = true;
        for (std::uint32_t x = o + 1; x < comma && plain; ++x) {
          name = name || IsCapitalised(x);
          plain = IsCapitalised(x) || EqLower(views_[x], "of") || EqLower(views_[x], "and") || IsDeterminer(views_[x]);
        }
        if (!name || !plain) continue;
        std::vector<Item> office = ScanLeft(o, sb);
        if (!office.empty() && HasKind(office.back().ids, kRole)) {
          items = std::move(office);
          break;
        }
      }
      if (items.empty() || !HasKind(items.back().ids, kRole)) return rev;
      std::uint32_t start = items.front().b;
      // Opened by a determiner, a possessive ("its deputy foreign
      // minister, X"; "the bank's president, X") or the sentence start.
      std::string_view before = start > sb ? views_[start - 1] : std::string_view();
      if (start == sb || IsDeterminer(before) || IsComma(before) || IsPossessiveDeterminer(before) ||
          IsPossessiveMarker(before)) {
        rev = Read(items);
      }
      return rev;
    };
    // "the ASEAN special representative, X, a former Thai deputy foreign
    // minister,": the office held now, set off before the name, wins over
    // one held before; the latter still tells the person's country.
    if ((!r.has_role || former.has_role) && b > sb + 1 && IsComma(views_[b - 1]) && closes) {
      Reading rev = set_off_before(b - 1);
      if (rev.has_role && (!former.has_role || !rev.eli)) {
        r = rev;
        if (former.has_role) {
          former.has_role = false;
          former.eli = false;
          Merge(r, former);
        }
      }
    }
    // A rank before the name and the role set off before it: "An army
    // spokeswoman of X, Major Y," keeps the rank and takes the country and
    // body from the phrase.
    if (r.has_role && r.country.empty() && !title_items.empty() && closes) {
      const std::uint32_t t0 = title_items.front().b;
      if (t0 > sb + 1 && IsComma(views_[t0 - 1])) {
        Reading rev = set_off_before(t0 - 1);
        if (rev.has_role) {
          rev.has_role = false;
          Merge(r, rev);
          if (r.role_sector.empty()) r.role_sector = rev.role_sector;
        }
      }
    }
    // 4. "Foreign Ministers X and Y", "Senators X, Y and Z": a plural title
    // before a list of names is each one's title.
    if (!r.has_role) {
      Reading plural = PluralTitle(name_start, sb);
      if (plural.has_role) r = plural;
    }
    // "President X of Lenhall": the country named right after the name.
    if (r.has_role && r.country.empty() && e + 1 < se && EqLower(views_[e], "of")) {
      Item it;
      if (LongestStartingAt(e + 1, se, kCountry, &it)) r.country = CountryOfItem(it);
    }
    // "Sen. X (I-Vt.)", "Rep. X, R-Texas,": a US politician's party and state.
    const bool party_state = PartyAndState(e, se);
    if (party_state && r.country.empty()) r.country = "USA";
    if (!r.has_role) {
      if (party_state) m.country = "USA";
      return;
    }
    if (!r.role.empty()) m.role = r.role;
    if (!r.country.empty()) m.country = r.country;
    std::string code = ActorCode(r);
    if (!code.empty()) m.actor_code = code;
    // A cleric's church need not be the article's country (a pope, a
    // patriarch).
    if (r.country.empty() && r.body_code.empty() && r.org_code.empty() && r.role_sector != "REL") {
      // A capitalised title right before the name is an office ("Governor
      // X"); a role in lower case may be held anywhere ("the team's
      // general manager", "a free agent").
      const bool office = title.has_role && r.role == title.role && !title_items.empty() && IsCapitalised(title_items.back().b);
      untold_.push_back({static_cast<std::size_t>(&m - a_.mentions.data()), r, office});
    }
  }

  // The title a capitalised plural gives a list of names that the name at
  // `name_start` belongs to (walking back over "and" and commas from one
  // named person to the one before), read as its singular: the roles table
  // lists singulars ("foreign minister"), and the list's people each hold
  // the office. Nothing when the list is not opened by such a plural.
  Reading PluralTitle(std::uint32_t name_start, std::uint32_t sb) const {
    std::uint32_t p = name_start;
    for (int members = 0; members < 8 && p >= sb + 2; ++members) {
      // A list has one "and", before its last name: "X and Y and Z" is
      // two lists, or a list and a name after it.
      const std::string_view sep = views_[p - 1];
      if (!((members == 0 && EqLower(sep, "and")) || IsComma(sep)) || person_[p - 2] < 0) break;
      // The previous member: the PERSON mention ending right before the separator.
      const std::int32_t k = person_[p - 2];
      std::uint32_t q = p - 2;
      while (q > sb && person_[q - 1] == k) --q;
      p = q;
    }
    Reading none;
    if (p <= sb) return none;
    const std::uint32_t t = p - 1;
    const std::string_view w = views_[t];
    if (w.size() < 4 || w[0] < 'A' || w[0] > 'Z' || w.back() != 's' || w[w.size() - 2] == 's') return none;
    std::string singular(w.substr(0, w.size() - 1));
    if (w.size() > 4 && w.substr(w.size() - 3) == "ies") singular = std::string(w.substr(0, w.size() - 3)) + "y";
    // The longest phrase ending in the plural that names a role
    // ("Foreign Ministers" before "Ministers").
    Item best;
    for (std::uint32_t from = t > sb + 3 ? t - 3 : sb; from <= t; ++from) {
      std::string phrase;
      bool capitals = true;
      for (std::uint32_t x = from; x < t && capitals; ++x) {
        capitals = IsCapitalised(x);
        phrase.append(views_[x]).push_back(' ');
      }
      if (!capitals) continue;
      phrase += singular;
      std::vector<std::uint32_t> ids = g_.Lookup(phrase);
      if (!HasKind(ids, kRole)) continue;
      best.b = from;
      best.e = t + 1;
      best.ids = std::move(ids);
      break;
    }
    if (best.ids.empty()) return none;
    std::vector<Item> items = ScanLeft(best.b, sb);
    items.push_back(std::move(best));
    return Read(items);
  }

  // Whether the name ending at token `e` is followed, in brackets or set
  // off by a comma, by a US party's letter and a state: "(D-Calif.)",
  // "(I-Vt.)", ", R-Texas,", "(R-TX)". The state is a newswire
  // abbreviation, a US state's name or a postal code.
  bool PartyAndState(std::uint32_t e, std::uint32_t se) const {
    std::uint32_t k = e;
    if (k >= se || !(views_[k] == "(" || IsComma(views_[k]))) return false;
    ++k;
    if (k + 2 >= se || k + 2 >= views_.size()) return false;
    const std::string_view party = views_[k];
    if (!(party == "D" || party == "R" || party == "I") || !IsHyphen(views_[k + 1])) return false;
    const std::string_view state = views_[k + 2];
    if (state.empty()) return false;
    std::string stop(state);
    if (stop.back() != '.') stop += '.';
    if (g_.StateAbbreviation(state) != nullptr || g_.StateAbbreviation(stop) != nullptr) return true;
    if (state.size() == 2 && state[0] >= 'A' && state[0] <= 'Z' && state[1] >= 'A' && state[1] <= 'Z') return true;
    for (std::uint32_t id : g_.Lookup(state)) {
      const Entry& x = g_.entry(id);
      if (x.kind == kSubdivision && x.country == "USA" && IsCapitalised(k + 2)) return true;
    }
    return false;
  }

  Reading ReadApposition(std::uint32_t b, std::uint32_t e, std::uint32_t se) const {
    // From the parse: a token after the name attached to it as appos, set
    // off by a comma, a dash or a bracket. Unmarked, "X and House Speaker
    // Y" is two people the parser may have run together.
    const bool set_off = e < se && (IsComma(views_[e]) || views_[e] == "(" || views_[e] == "-" ||
                                    views_[e] == "\xE2\x80\x94" || views_[e] == "\xE2\x80\x93");
    if (HasParse(b) && set_off) {
      for (std::uint32_t t = e; t < se; ++t) {
        if (a_.tokens[t].deprel.substr(0, 5) != "appos") continue;
        std::int64_t h = Head(t);
        if (h < b || h >= e) continue;
        std::uint32_t lo = t, hi = t + 1;
        for (std::uint32_t u = e; u < se; ++u) {
          std::int64_t x = u;
          for (int steps = 0; steps < 64 && x >= 0 && x != t; ++steps) x = Head(static_cast<std::uint32_t>(x));
          if (x == t) {
            lo = std::min(lo, u);
            hi = std::max(hi, u + 1);
          }
        }
        if (lo < e) lo = e;
        if (lo < se && IsComma(views_[lo])) ++lo;
        Reading r = Read(ScanRight(lo, hi));
        if (r.has_role) return r;
        break;
      }
    }
    // From word order: "X, the Kremlin spokesman, ..."
    if (e + 1 < se && IsComma(views_[e])) {
      std::uint32_t hi = e + 1;
      while (hi < se && !IsComma(views_[hi]) && views_[hi] != "." && hi < e + 16) ++hi;
      // "According to X, the ambassador was told ...": a phrase after the
      // comma that runs on into a tensed verb, with no comma to close it,
      // is the subject of the main clause, not a title of X's.
      // Closed by a comma, such a phrase is a clause set in the sentence:
      // "X, a top aide said, is confident" quotes an aide about X, unless a
      // relative word makes the verb the title's ("X, the minister who
      // resigned, ...").
      const bool closed = hi < se && IsComma(views_[hi]);
      for (std::uint32_t t = e + 1; t < hi; ++t) {
        if (closed && IsRelativeWord(views_[t])) break;
        const std::string_view x = a_.tokens[t].xpos;
        if (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD") return Reading{};
      }
      Reading r = Read(ScanRight(e + 1, hi));
      if (r.has_role) return r;
    }
    return Reading{};
  }

  // ---- ORG, LOC, MISC

  // Drops a leading determiner and a trailing possessive marker.
  void Trim(std::uint32_t* b, std::uint32_t* e) const {
    if (*e - *b > 1 && IsDeterminer(views_[*b])) ++*b;
    if (*e - *b > 1 && IsPossessiveMarker(views_[*e - 1])) --*e;
  }

  // Phrases inside [b, e), leftmost-longest, not overlapping.
  std::vector<Item> Inside(std::uint32_t b, std::uint32_t e, std::uint16_t mask) const {
    std::vector<Item> items;
    std::uint32_t p = b;
    while (p < e) {
      Item it;
      if (LongestStartingAt(p, e, mask, &it)) {
        p = it.e;
        items.push_back(std::move(it));
      } else {
        ++p;
      }
    }
    return items;
  }

  // A demonym or country right before the mention, or possessive:
  // "the Russian Foreign Ministry", "Russia's Foreign Ministry".
  std::string CountryBefore(std::uint32_t b) const {
    std::uint32_t sb = SentenceBegin(b);
    if (b == sb) return std::string();
    std::uint32_t end = b;
    bool possessive = false;
    if (IsPossessiveMarker(views_[b - 1]) && b - 1 > sb) {
      end = b - 1;
      possessive = true;
    }
    Item it;
    std::uint16_t mask = possessive ? (kCountry | kCity) : (kCountry | kDemonym);
    if (!LongestEndingAt(end, sb, mask, &it)) return std::string();
    return CountryOfItem(it);
  }

  void DescribeOrg(Mention& m, std::uint32_t b, std::uint32_t e) {
    Trim(&b, &e);
    std::vector<std::uint32_t> ids;
    SpanEntries(b, e, kOrganisation | kGovBody | kCountry | kCity, &ids);
    if (const Entry* o = FirstOf(ids, kOrganisation)) {
      if (!o->country.empty()) m.country = o->country;
      m.actor_code = o->code;
      return;
    }
    if (const Entry* body = FirstOf(ids, kGovBody)) {
      std::string c = CountryBefore(b);
      // A body listed under the name its own country uses ("Ministry of
      // Defence") is another country's when that country is named right
      // before it ("the Lorvanian Ministry of Defence").
      if (!body->country.empty() && !c.empty() && c != body->country && !body->sector.empty()) {
        m.country = c;
        m.actor_code = g_.CameoCountry(c) + body->sector;
        return;
      }
      // After a capitalised word the gazetteer does not know ("the Kurdish
      // Ministry of Defence", "Lenhall's Ministry of Defence") it is the
      // ministry of a people or place it cannot name: the sector alone,
      // not the country that calls its own ministry so.
      if (!body->country.empty() && c.empty() && !body->sector.empty() && b > SentenceBegin(b)) {
        std::uint32_t w = b - 1;
        if (IsPossessiveMarker(views_[w]) && w > SentenceBegin(b)) --w;
        Item known;
        if (IsCapitalised(w) && !IsDeterminer(views_[w]) && w > SentenceBegin(b) &&
            !LongestEndingAt(w + 1, SentenceBegin(b), 0xFFFF, &known)) {
          m.actor_code = body->sector;
          return;
        }
      }
      if (!body->country.empty()) {
        m.country = body->country;
        m.actor_code = body->code;
        return;
      }
      if (!c.empty()) {
        m.country = c;
        m.actor_code = g_.CameoCountry(c) + body->sector;
      } else if (!body->sector.empty()) {
        // "the Senate", "the Supreme Court": whose may be the article's (HomeCountry).
        bodies_.emplace_back(static_cast<std::size_t>(&m - a_.mentions.data()), body->sector);
      }
      return;
    }
    if (HasKind(ids, kCountry) || HasKind(ids, kCity)) {
      // A place named as an organisation is its government: "Washington".
      std::string c = g_.CountryOfEntries(ids.data(), ids.size());
      if (!c.empty() && (HasKind(ids, kCountry) || FirstOf(ids, kCity)->capital)) {
        m.country = c;
        m.actor_code = g_.CameoCountry(c);
      }
      return;
    }
    // Parts: "Russian Defence Ministry", "Ministry of Defence of Ukraine".
    Reading r;
    std::string branch;  // the role codes of a national branch
    bool international = false;  // the code is an organisation's of no one country
    const Item* prev = nullptr;
    for (const Item& it : Inside(b, e, kOrganisation | kGovBody | kCountry | kDemonym)) {
      const Item* before = prev;
      prev = &it;
      if (const Entry* o = FirstOf(it.ids, kOrganisation)) {
        // "the Lorvanian Relief Society": a demonym right before an
        // organisation of no one country names that people's own branch
        // (a national society or section), which the international body's
        // code does not fit. A non-governmental one keeps its kind and
        // sector under the people's country (CAMEO: country, then role
        // codes).
        if (o->country.empty() && before && before->e == it.b && FirstOf(before->ids, kDemonym) &&
            !FirstOf(before->ids, kOrganisation)) {
          if (branch.empty() && o->code.size() > 6 && o->code.starts_with("NGO")) {
            branch = o->code.substr(0, o->code.size() - 3);
          }
          continue;
        }
        if (r.org_code.empty()) {
          r.org_code = o->code;
          international = o->country.empty();
        }
        if (r.country.empty()) r.country = o->country;
      } else if (const Entry* c = FirstOf(it.ids, kCountry | kDemonym)) {
        if (r.country.empty()) r.country = c->country;
      } else if (const Entry* bo = FirstOf(it.ids, kGovBody)) {
        if (!bo->country.empty()) {
          if (r.body_code.empty()) r.body_code = bo->code;
          if (r.country.empty()) r.country = bo->country;
        } else if (r.body_sector.empty()) {
          r.body_sector = bo->sector;
        }
      }
    }
    if (r.country.empty() && (!r.body_sector.empty() || !r.body_code.empty())) r.country = CountryBefore(b);
    if (!r.country.empty()) m.country = r.country;
    std::string cameo = r.country.empty() ? std::string() : g_.CameoCountry(r.country);
    if (!r.body_sector.empty() && !cameo.empty()) {
      m.actor_code = cameo + r.body_sector;
    } else if (!r.org_code.empty()) {
      m.actor_code = r.org_code;
      // "the NATO-Russia Council", "the UN mission in Lenhall": a body of
      // an international organisation is no one country's, whichever
      // country its name holds.
      if (international) m.country.clear();
    } else if (!r.body_code.empty()) {
      m.actor_code = r.body_code;
    } else if (!branch.empty() && !cameo.empty()) {
      m.actor_code = cameo + branch;
    } else if (const std::string_view sector = IsCapitalised(e - 1) ? g_.NameSector(views_[e - 1]) : std::string_view();
               !sector.empty()) {
      // "Norway's Tarvik Holdings", "the Kessar Dockworkers' Union": a
      // business, a union, of the country named with it when one is.
      if (r.country.empty()) {
        r.country = CountryBefore(b);
        if (!r.country.empty()) m.country = r.country;
      }
      m.actor_code = (r.country.empty() ? std::string() : g_.CameoCountry(r.country)) + std::string(sector);
    } else if (const std::uint32_t after = e; after < a_.tokens.size() && sentence_of_[after] == sentence_of_[b] &&
                                              !IsCapitalised(after) && g_.NameSector(views_[after]) == "MED") {
      // "the Kessar Ostrov newspaper", "told Lenhall magazine": a news
      // medium, of the country named with it when one is.
      if (r.country.empty()) {
        r.country = CountryBefore(b);
        if (!r.country.empty()) m.country = r.country;
      }
      m.actor_code = (r.country.empty() ? std::string() : g_.CameoCountry(r.country)) + "MED";
    }
  }

  // True if tokens [b, e), without a leading "the", are a region's name
  // written with a capital.
  bool IsRegionName(std::uint32_t b, std::uint32_t e) {
    Trim(&b, &e);
    if (b >= e || !IsCapitalised(b)) return false;
    std::vector<std::uint32_t> ids;
    SpanEntries(b, e, kRegion, &ids);
    for (std::uint32_t id : ids)
      if (!g_.entry(id).adjective) return true;
    return false;
  }

  void DescribeLoc(Mention& m, std::uint32_t b, std::uint32_t e) {
    const std::uint32_t ob = b, oe = e;
    Trim(&b, &e);
    // "Mont.", and "Helena, Mont.": a US state as newswires abbreviate it,
    // and the town it follows, are in the United States; read as folded
    // names, "Mont" and "Helena" are towns of other countries too.
    const Entry* state = e == b + 1 ? g_.StateAbbreviation(views_[b]) : nullptr;
    if (state == nullptr && e + 1 < views_.size() && IsComma(views_[e]) && IsCapitalised(b)) {
      state = g_.StateAbbreviation(views_[e + 1]);
    }
    // A place in a country and nothing more to read: coded as that
    // country when it acts.
    auto place_in = [&](const std::string& country) {
      m.country = country;
      m.as_actor = m.as_actor || ActsAsSubject(ob, oe);
      if (m.as_actor) m.actor_code = g_.CameoCountry(country);
    };
    if (state != nullptr) {
      place_in(state->country);
      return;
    }
    // A world region has no country; as an actor ("Europe must respond")
    // it takes CAMEO's region code. It wins over a town of the same name.
    if (IsCapitalised(b)) {
      std::vector<std::uint32_t> regions;
      SpanEntries(b, e, kRegion, &regions);
      for (std::uint32_t id : regions) {
        if (g_.entry(id).adjective) continue;
        m.as_actor = m.as_actor || ActsAsSubject(ob, oe);
        if (m.as_actor) m.actor_code = g_.entry(id).code;
        return;
      }
    }
    std::vector<std::uint32_t> ids;
    SpanEntries(b, e, kPlaceKinds | kGovBody | kOrganisation, &ids);
    // A people's name read as a place ("Somali traders", "Somali" also
    // being a region of Ethiopia) is its country's: news names peoples far
    // more often than a province that shares the name.
    if (!FirstOf(ids, kCountry)) {
      std::vector<std::uint32_t> peoples;
      SpanEntries(b, e, kDemonym, &peoples);
      if (const Entry* d = FirstOf(peoples, kDemonym); d && !d->country.empty()) {
        place_in(d->country);
        return;
      }
    }
    std::string country = CountryIn(ids);
    std::string code;
    if (const Entry* c = FirstOf(ids, kCountry); c != nullptr && (country.empty() || c->country == country)) {
      code = c->code;
    } else if (const Entry* body = FirstOf(ids, kGovBody)) {
      if (!body->country.empty()) code = body->code;
    } else if (const Entry* o = FirstOf(ids, kOrganisation)) {
      code = o->code;
    }
    if (ids.empty()) {
      // "southern Russia", "eastern Ukraine's Donetsk region"; not a part
      // of a hyphenated name ("Villa-Rouge" is no town called Rouge).
      for (const Item& it : Inside(b, e, kPlaceKinds)) {
        if ((it.b > b && IsHyphen(views_[it.b - 1])) || (it.e < e && IsHyphen(views_[it.e]))) continue;
        // "Republic of Kessaria": the word before "of" names the kind of
        // place, not a town of that name (there are towns called Republic),
        // and a lower-case word names no place (there is a town called Of).
        if ((it.e < e && views_[it.e] == "of") || !IsCapitalised(it.b)) continue;
        if (const Entry* c = FirstOf(it.ids, kCountry)) {
          country = c->country;
          break;
        }
        // A town named by an English word before or after another
        // capitalised word of the name ("Independence Square", "Liberty
        // Bridge", "Soviet Union") is no part of it: there are towns called
        // University, Liberty and Union. Only a city of a million people or
        // more is likely to be the one meant ("Kyiv Central Station",
        // "Greater London").
        if ((it.e < e && IsCapitalised(it.e)) || (it.b > b && IsCapitalised(it.b - 1))) {
          bool large = false;
          for (std::uint32_t id : it.ids) {
            const Entry& x = g_.entry(id);
            large = large || (x.kind == kCity && x.population >= 1000000);
          }
          if (!large) continue;
        }
        if (country.empty()) country = CountryIn(it.ids);
      }
    }
    m.as_actor = m.as_actor || ActsAsSubject(ob, oe);
    if (!country.empty()) m.country = country;
    if (code.empty() && m.as_actor && !country.empty()) code = g_.CameoCountry(country);
    if (!code.empty()) m.actor_code = code;
    // A name that places of several countries share, whether or not the
    // gazetteer chose one: the article's other places may settle it
    // (HomeCountry). Not one a state abbreviation or a town's state
    // settled above, nor a body or organisation.
    if (IsCapitalised(b) && !FirstOf(ids, kGovBody | kOrganisation) && NamedTownDivision(ids).empty()) {
      std::vector<Candidate> countries;
      for (std::uint32_t id : ids) {
        const Entry& x = g_.entry(id);
        if (!(x.kind & kPlaceKinds) || x.country.empty()) continue;
        // A state that is the country itself ("American Samoa" is US-AS
        // and AS, ASM, in ISO 3166) is no second place of the name.
        if (const Entry* c = FirstOf(ids, kCountry); c && x.kind == kSubdivision) {
          const std::size_t dash = x.code.find('-');
          if (dash == std::string::npos || g_.CountryOf(std::string_view(x.code).substr(dash + 1)) == c->country) continue;
        }
        auto it = std::find_if(countries.begin(), countries.end(), [&](const Candidate& k) { return k.country == x.country; });
        if (it == countries.end()) it = countries.insert(countries.end(), Candidate{x.country});
        if (x.kind == kCity) it->population = std::max(it->population, x.population);
        it->state = it->state || (x.kind == kSubdivision && x.major);
        it->nation = it->nation || x.kind == kCountry;
      }
      if (countries.size() > 1) shared_names_.emplace_back(static_cast<std::size_t>(&m - a_.mentions.data()), std::move(countries));
    }
  }

  void DescribeMisc(Mention& m, std::uint32_t b, std::uint32_t e) {
    Trim(&b, &e);
    std::vector<std::uint32_t> ids;
    SpanEntries(b, e, kDemonym | kCountry | kRegion, &ids);
    if (const Entry* c = FirstOf(ids, kCountry | kDemonym)) {
      m.country = c->country;
      m.actor_code = c->code;
    } else if (const Entry* r = FirstOf(ids, kRegion); r != nullptr && IsCapitalised(b)) {
      m.actor_code = r->code;  // "European", "Asian": the region's code, no country
    }
  }

  // ---- syntax

  // The token of [b, e) whose head lies outside it.
  std::uint32_t SyntacticHead(std::uint32_t b, std::uint32_t e) const {
    for (std::uint32_t t = b; t < e; ++t) {
      std::int64_t h = Head(t);
      if (h < b || h >= e) return t;
    }
    return e - 1;
  }

  bool IsVerb(std::uint32_t t) const {
    const Token& tok = a_.tokens[t];
    if (tok.upos == "VERB") return true;
    return tok.upos.empty() && tok.xpos.size() >= 2 && tok.xpos.substr(0, 2) == "VB";
  }

  // "Moscow said", "Moscow and Beijing rejected", "Washington's response".
  bool ActsAsSubject(std::uint32_t b, std::uint32_t e) const {
    const std::uint32_t se = SentenceEnd(b), sb = SentenceBegin(b);
    if (HasParse(b)) {
      std::uint32_t h = SyntacticHead(b, e);
      std::string_view rel = a_.tokens[h].deprel;
      std::int64_t parent = Head(h);
      for (int steps = 0; rel == "conj" && parent >= 0 && steps < 8; ++steps) {
        h = static_cast<std::uint32_t>(parent);
        rel = a_.tokens[h].deprel;
        parent = Head(h);
      }
      if (parent < 0) return false;
      std::uint32_t p = static_cast<std::uint32_t>(parent);
      if ((rel == "nsubj" || rel.substr(0, 6) == "nsubj:") && rel != "nsubj:pass" && IsVerb(p)) return true;
      bool possessor = rel == "nmod:poss";
      if (!possessor && rel.substr(0, 4) == "nmod") {
        for (std::uint32_t t = b; t < std::min(se, e + 1); ++t)
          if (Head(t) == h && IsPossessiveMarker(views_[t])) possessor = true;
      }
      return possessor && g_.IsActionNoun(views_[p]);
    }
    // No parse: the word after the place.
    std::uint32_t after = e;
    if (after < se && IsPossessiveMarker(views_[after])) {
      std::uint32_t n = after + 1;
      while (n < se && a_.tokens[n].upos == "ADJ") ++n;
      return n < se && g_.IsActionNoun(views_[n]);
    }
    if (after < se && IsVerb(after)) {
      return b == sb || IsComma(views_[b - 1]) || EqLower(views_[b - 1], "and") || EqLower(views_[b - 1], "but") ||
             IsDeterminer(views_[b - 1]);
    }
    return false;
  }

  const Gazetteer& g_;
  Article& a_;
  std::vector<std::string_view> views_;
  std::vector<std::uint32_t> sentence_of_;
  std::vector<std::int32_t> person_;  // token -> the PERSON mention covering it, or -1
  std::vector<std::pair<std::string, std::string>> towns_in_;  // (country, admin1) of named towns, sorted
  std::vector<Match> matches_;        // sorted by begin, longer first
  std::vector<std::uint32_t> by_begin_;  // matches_ [by_begin_[t], by_begin_[t+1]) begin at t
  std::vector<std::uint32_t> by_end_;    // end_order_ [by_end_[t], by_end_[t+1]) end at t
  std::vector<std::uint32_t> end_order_;
  // People with a role whose country nothing near the name says.
  struct Untold {
    std::size_t mention;
    Reading reading;
    bool office;  // the role is a capitalised title before the name
  };
  std::vector<Untold> untold_;
  std::vector<std::pair<std::size_t, std::string>> bodies_;  // generic bodies named alone, with their sector
  // A country that a place name shared by several countries may mean.
  struct Candidate {
    std::string country;
    std::uint32_t population = 0;  // its largest town of the name
    bool state = false;            // a state or province of the name
    bool nation = false;           // the country itself
  };
  std::vector<std::pair<std::size_t, std::vector<Candidate>>> shared_names_;  // places of several countries' names
};

}  // namespace

void DescribeMentions(const Gazetteer& g, Article& a) {
  if (a.mentions.empty() || a.tokens.empty() || a.sentences.empty()) return;
  Describer d(g, a);
  d.Run();
}

}  // namespace sitrep::gazetteer
