// Reads an articles.jsonl line into the compact digest the stories stage
// keeps: the line itself (text, removed lines, tokens) is not kept, so
// memory grows with the number of articles, not with their size.
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "stories/internal.h"

namespace sitrep::stories::detail {

std::uint64_t SimHashAndSketchWords(const std::vector<Word>& words, std::vector<std::uint32_t>* sketch);

namespace {

// Both take the lookup's result, not an element: turning a failed lookup (a
// key the line lacks) into an element throws, and a line of another
// version of the contract must not end the run.
std::string_view Str(simdjson::simdjson_result<simdjson::dom::element> e) {
  std::string_view v;
  if (e.get_string().get(v)) return {};
  return v;
}

std::uint64_t Num(simdjson::simdjson_result<simdjson::dom::element> e) {
  std::uint64_t v = 0;
  if (e.get_uint64().get(v)) return 0;
  return v;
}

// Byte offset of every code point of text, and one past the end.
void CodePointOffsets(std::string_view text, std::vector<std::uint32_t>* out) {
  out->clear();
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out->push_back(i);
  }
  out->push_back(static_cast<std::uint32_t>(text.size()));
}

std::uint32_t ByteAt(const std::vector<std::uint32_t>& cps, std::uint64_t cp) {
  return cp < cps.size() ? cps[cp] : cps.back();
}

// Summary candidates are ordinary sentences: not a subheading, not a run-on.
constexpr std::size_t kMinSentenceWords = 6, kMaxSentenceWords = 70;

// A wire's dateline ("LIMA, Nov 9 (Harbour Wire) -") is a sentence of its
// own that ends in the dash before the lead: it tells where and who, never
// what happened, and as the lead of the central article it would open the
// summary.
bool EndsInDash(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  if (s.ends_with('-')) return true;
  return s.ends_with("\u2013") || s.ends_with("\u2014");  // en and em dash
}

// A word that gives no term (FeatureHash never sets the private bit).
constexpr std::uint32_t kNoTerm = 0xffffffffu;

// Sorts *hashes and calls emit(hash, count) for each distinct one, in
// increasing order: a counting map without its allocations.
template <class Emit>
void CountSorted(std::vector<std::uint32_t>* hashes, Emit emit) {
  std::sort(hashes->begin(), hashes->end());
  for (std::size_t i = 0; i < hashes->size();) {
    std::size_t j = i;
    while (j < hashes->size() && (*hashes)[j] == (*hashes)[i]) ++j;
    emit((*hashes)[i], static_cast<std::uint32_t>(j - i));
    i = j;
  }
}

// The month and day a date expression writes ("December 15", "15 Dec.",
// "May 2, 2013") as "--12-15", whether or not the time stage could give
// it a year: without a publication date "October 5" stays unresolved, yet
// two articles that both name it are very likely about the same happening,
// and one that names "October 5, 2013" names the same day.
void MonthDays(std::string_view text, std::vector<Word>* words, std::vector<std::string>* out) {
  // A day is written in digits: most date expressions ("Tuesday", "last
  // year") have none and need no look.
  if (text.find_first_of("0123456789") == std::string_view::npos) return;
  const Lexicon& lex = Lexicon::Get();
  words->clear();
  Words(text, 0, static_cast<std::uint32_t>(text.size()), words);
  const std::vector<Word>& w = *words;
  auto day_at = [&](std::size_t j) {
    if (j >= w.size() || !w[j].number || w[j].lower.size() > 2) return 0;
    const int day = std::atoi(w[j].lower.c_str());
    return day >= 1 && day <= 31 ? day : 0;
  };
  for (std::size_t k = 0; k < w.size(); ++k) {
    auto it = lex.months.find(w[k].lower);
    if (it == lex.months.end()) continue;
    int day = day_at(k + 1);
    if (day == 0 && k > 0) day = day_at(k - 1);
    if (day == 0) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "--%02d-%02d", it->second, day);
    out->emplace_back(buf);
  }
}

}  // namespace

namespace {

// Whether Words() would mark a punctuation mark after a word ending at
// `from` when the text stops at `to` (the rule of Words(), lexicon.cpp).
bool PunctBefore(std::string_view text, std::uint32_t from, std::uint32_t to) {
  for (std::uint32_t i = from; i < to; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 1 < to && static_cast<unsigned char>(text[i + 1]) == 0x80) return true;
    if (IsAsciiAlnum(c) || c >= 0x80) return false;  // Words() would have started a word here
    if (c != ' ' && c != '\n' && c != '\t' && c != '-') return true;
  }
  return false;
}

}  // namespace

bool SliceWords(const std::vector<Word>& all, std::string_view text, std::uint32_t bs, std::uint32_t be,
                std::size_t* from, std::size_t* to, bool* last_punct_after) {
  auto first = std::lower_bound(all.begin(), all.end(), bs, [](const Word& w, std::uint32_t b) { return w.end <= b; });
  auto last = std::lower_bound(first, all.end(), be, [](const Word& w, std::uint32_t e) { return w.end <= e; });
  if (first != all.end() && first->begin < bs) return false;  // a word runs across the start
  if (last != all.end() && last->begin < be) return false;    // or across the end
  // Nor may either end fall inside a character: Words() reads a
  // typographic mark's three bytes whole only when it sees all of them.
  auto inside = [&](std::uint32_t at) { return at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80; };
  if (inside(bs) || inside(be)) return false;
  *from = static_cast<std::size_t>(first - all.begin());
  *to = static_cast<std::size_t>(last - all.begin());
  *last_punct_after = *to > *from && PunctBefore(text, all[*to - 1].end, be);
  return true;
}

std::vector<std::uint16_t> NamedDays(const std::vector<std::string>& dates) {
  std::vector<std::uint16_t> out;
  for (const std::string& v : dates) {
    // "2031-05-02" or "--05-02" (not a month, "2031-05"): the month and
    // day are the last five characters.
    if (v.size() != 10 && !(v.size() == 7 && v[0] == '-' && v[1] == '-')) continue;
    const std::string_view md = std::string_view(v).substr(v.size() - 5);
    auto two = [](char x, char y) { return x >= '0' && x <= '9' && y >= '0' && y <= '9' ? (x - '0') * 10 + (y - '0') : 0; };
    if (md[2] != '-') continue;
    const int month = two(md[0], md[1]), day = two(md[3], md[4]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) out.push_back(static_cast<std::uint16_t>(month * 32 + day));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A day after the article's date that time expression t gives, when a
// word of scheduled.tsv stands in its sentence ("is due to give its
// verdict on 3 May", "a decision is expected on Friday, 3 May", "set 3
// May for the vote, the council said"): the nearest such word names what is
// set for that day. Days before the article's date are events' dates,
// which the merged events compare.
static void ScheduledDayOf(simdjson::dom::element t, std::string_view text, const std::vector<std::uint32_t>& cps,
                    const std::vector<Word>& words, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& sentences,
                    Digest* d) {
  const std::string_view value = Str(t["value"]);
  if (d->day == kNoDay || value.size() != 10 || value[4] != '-' || value[7] != '-') return;
  if (const std::int32_t day = DayNumber(value); day == kNoDay || day <= d->day) return;
  const std::uint32_t tb = ByteAt(cps, Num(t["start"])), te = ByteAt(cps, Num(t["end"]));
  if (te <= tb || te > text.size()) return;
  // Sentences are in text order: the last one starting at or before tb.
  auto in = std::upper_bound(sentences.begin(), sentences.end(), tb,
                             [](std::uint32_t b, const auto& s) { return b < s.first; });
  if (in == sentences.begin()) return;
  --in;
  if (te > in->second) return;
  auto by_begin = [](const Word& w, std::uint32_t b) { return w.begin < b; };
  auto first = std::lower_bound(words.begin(), words.end(), tb, by_begin);
  auto after = std::lower_bound(words.begin(), words.end(), te, by_begin);
  const auto& scheduled = Lexicon::Get().scheduled;
  const std::string* key = nullptr;
  std::size_t best = SIZE_MAX;
  // Only the sentence's own words: linear in the sentence, not the text.
  for (auto w = std::lower_bound(words.begin(), words.end(), in->first, by_begin);
       w != words.end() && w->begin < in->second; ++w) {
    if (w >= first && w < after) continue;
    auto it = scheduled.find(w->lower);
    if (it == scheduled.end()) continue;
    const std::size_t apart = w < first ? static_cast<std::size_t>(first - w) : static_cast<std::size_t>(w - after) + 1;
    if (apart < best) best = apart, key = &it->second;
  }
  if (!key) return;
  d->scheduled.push_back({*key, std::string(value), std::string(text.substr(tb, te - tb))});
}

// A figure in a sentence dated this long or more before its article
// reports an earlier happening the article recalls ("the ferry that sank
// on 3 March 2019 killed 28 people" in a report of 2024), which the
// story's own figures are no update of and no dispute with. Tolls are
// updated over days and weeks, so half a year keeps every update.
constexpr std::int32_t kHistoryDays = 183;

// The last day a time expression's TimeML value covers: a day itself, a
// week's Sunday, a month's last day at most, and a year's (or a season's
// or quarter's of it) last day; kNoDay for a value with no year.
static std::int32_t LastDayOf(std::string_view v) {
  if (v.size() < 4 || !std::all_of(v.begin(), v.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return kNoDay;
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-') return DayNumber(v.substr(0, 10));
  if (v.size() >= 8 && v[4] == '-' && v[5] == 'W') {
    const std::int32_t monday = DayNumber(v.substr(0, 8));
    return monday == kNoDay ? kNoDay : monday + 6;
  }
  if (v.size() >= 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '1') {
    const std::int32_t first = DayNumber(v.substr(0, 7));
    if (first != kNoDay) return first + 30;
  }
  return DayNumber(std::string(v.substr(0, 4)) + "-12-31");
}

Result<bool> DigestLine(std::string_view line, std::size_t summary_candidates, Digest* d) {
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(line);
  simdjson::dom::object a;
  if (parser.parse(padded).get_object().get(a)) return Status(Code::kCorrupt, "not a JSON object");
  if (Str(a["status"]) != "ok") return false;
  *d = Digest{};
  d->id = std::string(Str(a["id"]));
  d->outlet = std::string(Str(a["outlet"]));
  d->title = std::string(Str(a["title"]));
  d->published = std::string(Str(a["published"]));
  d->day = d->published.empty() ? kNoDay : DayNumber(d->published);
  std::string_view translated_from;  // absent, null or a language name
  d->translated = !a["translated_from"].get_string().get(translated_from) && !translated_from.empty();
  std::string_view text = Str(a["text"]);
  std::vector<std::uint32_t> cps;
  CodePointOffsets(text, &cps);

  // Body terms over the whole text; claims and summary candidates per sentence.
  std::vector<Word> words;
  Words(text, 0, static_cast<std::uint32_t>(text.size()), &words);
  d->body_words = static_cast<std::uint32_t>(words.size());
  d->simhash = SimHashAndSketchWords(words, &d->sketch);  // the shingles hashed once for both
  // Each word's term hash, once: the body counts and every sentence's
  // terms read it (kNoTerm for a number, a stopword or a short word).
  std::vector<std::uint32_t> term(words.size(), kNoTerm);
  std::vector<std::uint32_t> hashes;
  hashes.reserve(words.size());
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    if (w.number) {
      // Figures (a score, a magnitude, a toll, an age) tell one happening
      // of a kind from another; "1,200" and "1200" are one number.
      std::string key;
      for (char ch : w.lower)
        if (ch != ',') key.push_back(ch);
      d->numbers.push_back(FeatureHash('n', key));
      continue;
    }
    std::string t = TermOf(w);
    if (t.empty()) continue;
    term[k] = FeatureHash('t', t);
    hashes.push_back(term[k]);
  }
  std::sort(d->numbers.begin(), d->numbers.end());
  d->numbers.erase(std::unique(d->numbers.begin(), d->numbers.end()), d->numbers.end());
  CountSorted(&hashes, [&](std::uint32_t h, std::uint32_t n) {
    d->terms.emplace_back(h, static_cast<std::uint16_t>(std::min<std::uint32_t>(n, 65535)));
  });
  {
    std::vector<Word> tw;
    Words(d->title, 0, static_cast<std::uint32_t>(d->title.size()), &tw);
    for (const Word& w : tw) {
      std::string t = TermOf(w);
      if (!t.empty()) d->title_terms.push_back(FeatureHash('t', t));
    }
    std::sort(d->title_terms.begin(), d->title_terms.end());
    d->title_terms.erase(std::unique(d->title_terms.begin(), d->title_terms.end()), d->title_terms.end());
  }

  // Where the times that date a sentence long before the article stand
  // (byte offsets, in text order): that sentence's figures are history.
  std::vector<std::uint32_t> history;
  if (simdjson::dom::array times; d->day != kNoDay && !a["times"].get_array().get(times)) {
    for (simdjson::dom::element t : times) {
      const std::int32_t last = LastDayOf(Str(t["value"]));
      if (last == kNoDay || last + kHistoryDays > d->day) continue;
      // "killed since February 2022": a count from then until now, this
      // story's own cumulative figure, not a past happening's.
      const std::uint32_t at = ByteAt(cps, Num(t["start"]));
      std::size_t w = at;
      while (w > 0 && text[w - 1] == ' ') --w;
      const std::string_view before = text.substr(0, w);
      if (before.ends_with("since") || before.ends_with("Since")) continue;
      history.push_back(at);
    }
    std::sort(history.begin(), history.end());
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sentence_bytes;
  simdjson::dom::array sentences;
  if (!a["sentences"].get_array().get(sentences)) {
    std::vector<Word> sw;
    std::vector<std::uint32_t> sentence_hashes;
    for (simdjson::dom::element s : sentences) {
      simdjson::dom::array span;
      if (s.get_array().get(span) || span.size() != 2) continue;
      std::uint64_t cs = Num(span.at(0)), ce = Num(span.at(1));
      std::uint32_t bs = ByteAt(cps, cs), be = ByteAt(cps, ce);
      sentence_bytes.emplace_back(bs, be);
      std::span<const Word> sentence;
      std::span<const std::uint32_t> sentence_terms;
      std::size_t from = 0, to = 0;
      bool last_punct = false, slice_punct = false;
      if (SliceWords(words, text, bs, be, &from, &to, &slice_punct)) {
        // The whole text's words; the last one's punct_after as the
        // sentence alone gives it, until the claims are read.
        sentence = std::span<const Word>(words).subspan(from, to - from);
        if (to > from) {
          last_punct = words[to - 1].punct_after;
          words[to - 1].punct_after = slice_punct;
        }
        sentence_terms = std::span<const std::uint32_t>(term).subspan(from, to - from);
      } else {
        sw.clear();
        Words(text, bs, be, &sw);
        sentence = sw;
        sentence_hashes.clear();
        for (const Word& w : sw) {
          std::string t = TermOf(w);
          sentence_hashes.push_back(t.empty() ? kNoTerm : FeatureHash('t', t));
        }
        sentence_terms = sentence_hashes;
      }
      if (auto h = std::lower_bound(history.begin(), history.end(), bs); h == history.end() || *h >= be)
        ExtractClaims(text, sentence, &d->claims);
      if (sentence.data() != sw.data() && to > from) words[to - 1].punct_after = last_punct;
      if (d->sentences.size() < summary_candidates && sentence.size() >= kMinSentenceWords && sentence.size() <= kMaxSentenceWords &&
          !EndsInDash(text.substr(bs, be - bs))) {
        SentenceDigest sd;
        sd.position = static_cast<std::uint32_t>(d->sentences.size());
        sd.start = static_cast<std::uint32_t>(cs);
        sd.end = static_cast<std::uint32_t>(ce);
        sd.text = std::string(text.substr(bs, be - bs));
        std::vector<std::uint32_t> tc;
        for (std::uint32_t h : sentence_terms)
          if (h != kNoTerm) tc.push_back(h);
        CountSorted(&tc, [&](std::uint32_t h, std::uint32_t n) { sd.terms.emplace_back(h, static_cast<float>(n)); });
        Normalise(&sd.terms);
        if (!sd.terms.empty()) d->sentences.push_back(std::move(sd));
      }
    }
  }

  simdjson::dom::array mentions;
  if (!a["mentions"].get_array().get(mentions)) {
    std::unordered_map<std::string, std::size_t> at;
    std::vector<std::uint16_t> mention_counts;
    for (simdjson::dom::element m : mentions) {
      std::string_view entity = Str(m["entity"]);
      bool nominal = false;
      if (entity.empty() || (!m["nominal"].get_bool().get(nominal) && nominal)) continue;  // a role, not a name
      std::string_view mt = Str(m["text"]);
      std::string_view role;
      if (!m["role"].get_string().get(role) && !role.empty()) {
        std::string key(entity);
        key.push_back('\t');
        key += role;
        d->roles.push_back(FeatureHash('r', key));
      }
      auto [it, fresh] = at.emplace(std::string(entity), d->names.size());
      if (fresh) mention_counts.push_back(0);
      if (mention_counts[it->second] < UINT16_MAX) ++mention_counts[it->second];
      if (fresh) {
        d->names.push_back({std::string(entity), std::string(mt), {}, Str(m["type"]) == "PERSON"});
      } else if (mt.size() > d->names[it->second].text.size()) {
        d->names[it->second].text = std::string(mt);
      }
      if (!role.empty()) {
        auto& roles = d->names[it->second].roles;
        if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.emplace_back(role);
      }
    }
    std::sort(d->roles.begin(), d->roles.end());
    d->roles.erase(std::unique(d->roles.begin(), d->roles.end()), d->roles.end());
    std::vector<std::size_t> order(d->names.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return d->names[x].entity < d->names[y].entity; });
    for (std::size_t k : order) {
      d->entities.push_back(d->names[k].entity);
      d->entity_mentions.push_back(mention_counts[k]);
    }
  }

  // The years an article's dates name say which happening of a recurring
  // kind it reports (this year's final, not last year's).
  auto add_year = [&](std::string_view v) {
    if (v.size() < 4) return;
    for (std::size_t i = 0; i < 4; ++i)
      if (v[i] < '0' || v[i] > '9') return;
    d->years.emplace_back(v.substr(0, 4));
    // A month ("2012-07") and a day ("2012-07-07") the article names: the
    // date of the happening, which another happening of its kind rarely shares.
    auto digits = [&](std::size_t from, std::size_t to) {
      for (std::size_t i = from; i < to; ++i)
        if (v[i] < '0' || v[i] > '9') return false;
      return true;
    };
    if (v.size() >= 7 && v[4] == '-' && digits(5, 7)) {
      d->dates.emplace_back(v.substr(0, 7));
      if (v.size() >= 10 && v[7] == '-' && digits(8, 10)) d->dates.emplace_back(v.substr(0, 10));
    }
  };
  add_year(d->published);
  simdjson::dom::array times;
  if (!a["times"].get_array().get(times)) {
    std::vector<Word> tw;
    for (simdjson::dom::element t : times) {
      add_year(Str(t["value"]));
      MonthDays(Str(t["text"]), &tw, &d->dates);
      ScheduledDayOf(t, text, cps, words, sentence_bytes, d);
    }
  }
  std::sort(d->years.begin(), d->years.end());
  d->years.erase(std::unique(d->years.begin(), d->years.end()), d->years.end());
  std::sort(d->dates.begin(), d->dates.end());
  d->dates.erase(std::unique(d->dates.begin(), d->dates.end()), d->dates.end());

  simdjson::dom::array inc;
  if (!a["inconsistencies"].get_array().get(inc)) {
    for (simdjson::dom::element e : inc) {
      d->inconsistencies.push_back({std::string(Str(e["text"])), std::string(Str(e["kind"])), std::string(Str(e["detail"]))});
    }
  }
  return true;
}

namespace {

// Native byte order and layout: the bytes never leave the process.
template <class T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

void PutStr(std::string* out, std::string_view s) {
  Put(out, static_cast<std::uint32_t>(s.size()));
  out->append(s);
}

template <class T>
void PutPods(std::string* out, const std::vector<T>& v) {
  Put(out, static_cast<std::uint32_t>(v.size()));
  if (!v.empty()) out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

void PutStrs(std::string* out, const std::vector<std::string>& v) {
  Put(out, static_cast<std::uint32_t>(v.size()));
  for (const auto& s : v) PutStr(out, s);
}

struct Reader {
  std::string_view in;
  bool ok = true;

  template <class T>
  T Get() {
    T v{};
    if (in.size() < sizeof v) {
      ok = false;
      return v;
    }
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  void Str(std::string* s) {
    const auto n = Get<std::uint32_t>();
    if (!ok || in.size() < n) {
      ok = false;
      return;
    }
    s->assign(in.data(), n);
    in.remove_prefix(n);
  }
  template <class T>
  void Pods(std::vector<T>* v) {
    const auto n = Get<std::uint32_t>();
    if (!ok || in.size() / sizeof(T) < n) {
      ok = false;
      return;
    }
    v->resize(n);
    if (n) std::memcpy(static_cast<void*>(v->data()), in.data(), n * sizeof(T));
    in.remove_prefix(n * sizeof(T));
  }
  void Strs(std::vector<std::string>* v) {
    const auto n = Get<std::uint32_t>();
    if (!ok || in.size() / sizeof(std::uint32_t) < n) {
      ok = false;
      return;
    }
    v->resize(n);
    for (auto& s : *v) Str(&s);
  }
  // A count of records of at least `min_bytes` each, checked against what is left.
  std::uint32_t Count(std::size_t min_bytes) {
    const auto n = Get<std::uint32_t>();
    if (!ok || in.size() / min_bytes < n) {
      ok = false;
      return 0;
    }
    return n;
  }
};

}  // namespace

void EncodeDigest(const Digest& d, std::string* out) {
  PutStr(out, d.id);
  PutStr(out, d.outlet);
  PutStr(out, d.title);
  PutStr(out, d.published);
  Put(out, d.day);
  Put(out, static_cast<std::uint8_t>(d.translated));
  PutPods(out, d.terms);
  PutPods(out, d.title_terms);
  PutStrs(out, d.entities);
  PutPods(out, d.entity_mentions);
  Put(out, static_cast<std::uint32_t>(d.names.size()));
  for (const auto& n : d.names) {
    PutStr(out, n.entity);
    PutStr(out, n.text);
    PutStrs(out, n.roles);
    Put(out, static_cast<std::uint8_t>(n.person));
  }
  PutPods(out, d.events);
  PutStrs(out, d.years);
  PutStrs(out, d.dates);
  PutPods(out, d.numbers);
  PutPods(out, d.roles);
  Put(out, static_cast<std::uint32_t>(d.claims.size()));
  for (const auto& c : d.claims) {
    PutStr(out, c.key);
    Put(out, c.value);
    PutStr(out, c.number);
    PutStr(out, c.text);
    PutStr(out, c.hedge);
    PutStr(out, c.qualifier);
  }
  Put(out, static_cast<std::uint32_t>(d.sentences.size()));
  for (const auto& s : d.sentences) {
    Put(out, s.start);
    Put(out, s.end);
    Put(out, s.position);
    PutStr(out, s.text);
    PutPods(out, s.terms);
  }
  Put(out, static_cast<std::uint32_t>(d.inconsistencies.size()));
  for (const auto& i : d.inconsistencies) {
    PutStr(out, i.text);
    PutStr(out, i.kind);
    PutStr(out, i.detail);
  }
  Put(out, static_cast<std::uint32_t>(d.scheduled.size()));
  for (const auto& s : d.scheduled) {
    PutStr(out, s.key);
    PutStr(out, s.day);
    PutStr(out, s.text);
  }
  Put(out, d.simhash);
  Put(out, d.body_words);
  PutPods(out, d.sketch);
}

bool DecodeDigest(std::string_view bytes, Digest* d) {
  Reader r{bytes};
  *d = Digest{};
  r.Str(&d->id);
  r.Str(&d->outlet);
  r.Str(&d->title);
  r.Str(&d->published);
  d->day = r.Get<std::int32_t>();
  d->translated = r.Get<std::uint8_t>() != 0;
  r.Pods(&d->terms);
  r.Pods(&d->title_terms);
  r.Strs(&d->entities);
  r.Pods(&d->entity_mentions);
  d->names.resize(r.Count(12));
  for (auto& n : d->names) {
    r.Str(&n.entity);
    r.Str(&n.text);
    r.Strs(&n.roles);
    n.person = r.Get<std::uint8_t>() != 0;
  }
  r.Pods(&d->events);
  r.Strs(&d->years);
  r.Strs(&d->dates);
  r.Pods(&d->numbers);
  r.Pods(&d->roles);
  d->claims.resize(r.Count(24));
  for (auto& c : d->claims) {
    r.Str(&c.key);
    c.value = r.Get<double>();
    r.Str(&c.number);
    r.Str(&c.text);
    r.Str(&c.hedge);
    r.Str(&c.qualifier);
  }
  d->sentences.resize(r.Count(20));
  for (auto& s : d->sentences) {
    s.start = r.Get<std::uint32_t>();
    s.end = r.Get<std::uint32_t>();
    s.position = r.Get<std::uint32_t>();
    r.Str(&s.text);
    r.Pods(&s.terms);
  }
  d->inconsistencies.resize(r.Count(12));
  for (auto& i : d->inconsistencies) {
    r.Str(&i.text);
    r.Str(&i.kind);
    r.Str(&i.detail);
  }
  d->scheduled.resize(r.Count(12));
  for (auto& s : d->scheduled) {
    r.Str(&s.key);
    r.Str(&s.day);
    r.Str(&s.text);
  }
  d->simhash = r.Get<std::uint64_t>();
  d->body_words = r.Get<std::uint32_t>();
  r.Pods(&d->sketch);
  return r.ok && r.in.empty();
}

}  // namespace sitrep::stories::detail
