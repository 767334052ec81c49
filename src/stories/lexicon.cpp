// The word lists of data/stories/, the word splitter and small helpers.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/error.h"
#include "core/hash.h"
#include "core/resources.h"
#include "stories/internal.h"

namespace sitrep::stories {
namespace detail {
namespace {

std::pair<std::string_view, std::string_view> SplitTab(std::string_view line) {
  auto tab = line.find('\t');
  if (tab == std::string_view::npos) return {line, {}};
  return {line.substr(0, tab), line.substr(tab + 1)};
}

Lexicon Load() {
  Lexicon lex;
  for (std::string_view w : DataLines(Resource("stories/stopwords.txt"))) lex.stopwords.emplace(w);
  for (std::string_view w : DataLines(Resource("stories/title_ranks.txt"))) lex.title_ranks.emplace(w);
  for (std::string_view line : DataLines(Resource("stories/hedges.tsv"))) {
    auto [phrase, kind] = SplitTab(line);
    if (kind.empty()) SITREP_THROW(ConfigError, "stories/hedges.tsv: no kind in line: " << line);
    lex.hedges.emplace(phrase, kind);
    std::size_t words = 1;
    for (char c : phrase) words += c == ' ';
    lex.longest_hedge_words = std::max(lex.longest_hedge_words, words);
  }
  for (std::string_view line : DataLines(Resource("stories/quantity_nouns.tsv"))) {
    auto [word, key] = SplitTab(line);
    if (key.empty()) SITREP_THROW(ConfigError, "stories/quantity_nouns.tsv: no key in line: " << line);
    lex.quantity_nouns.emplace(word, key);
  }
  for (std::string_view line : DataLines(Resource("stories/rate_nouns.tsv"))) {
    auto [word, key] = SplitTab(line);
    if (key.empty()) SITREP_THROW(ConfigError, "stories/rate_nouns.tsv: no key in line: " << line);
    lex.rate_nouns.emplace(word, key);
  }
  for (std::string_view line : DataLines(Resource("stories/contexts.tsv"))) {
    auto [word, ctx] = SplitTab(line);
    if (ctx.empty()) SITREP_THROW(ConfigError, "stories/contexts.tsv: no context in line: " << line);
    if (word.find(' ') == std::string_view::npos) {
      lex.contexts.emplace(word, ctx);
      continue;
    }
    lex.context_phrases.emplace_back(SpaceSeparated(word), std::string(ctx));
  }
  for (std::string_view line : DataLines(Resource("stories/scheduled.tsv"))) {
    auto [word, key] = SplitTab(line);
    if (key.empty()) SITREP_THROW(ConfigError, "stories/scheduled.tsv: no key in line: " << line);
    lex.scheduled.emplace(word, key);
  }
  for (std::string_view line : DataLines(Resource("stories/claim_cues.tsv"))) {
    auto [word, role] = SplitTab(line);
    if (role.empty()) SITREP_THROW(ConfigError, "stories/claim_cues.tsv: no role in line: " << line);
    lex.claim_cues.emplace(word, role);
  }
  for (std::string_view line : DataLines(Resource("stories/number_words.tsv"))) {
    auto [word, rest] = SplitTab(line);
    auto [value, kind] = SplitTab(rest);
    if (kind.empty()) SITREP_THROW(ConfigError, "stories/number_words.tsv: bad line: " << line);
    lex.number_words.emplace(word, Lexicon::NumberWord{std::strtod(std::string(value).c_str(), nullptr), kind == "scale"});
  }
  for (std::string_view line : DataLines(Resource("time/months.tsv"))) {
    auto [word, rest] = SplitTab(line);
    auto [number, kind] = SplitTab(rest);
    if (kind.empty()) SITREP_THROW(ConfigError, "time/months.tsv: bad line: " << line);
    lex.months.emplace(word, std::atoi(std::string(number).c_str()));
  }
  return lex;
}

}  // namespace

const Lexicon& Lexicon::Get() {
  static const Lexicon lex = Load();
  return lex;
}

void Words(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Word>* out) {
  std::uint32_t i = begin;
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size()));
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsAsciiAlnum(c) || c >= 0x80) {
      // Non-ASCII bytes count as letters except the typographic
      // punctuation of U+2000..U+206F (dashes, quotes, ellipsis).
      if (c == 0xE2 && i + 1 < end && static_cast<unsigned char>(text[i + 1]) == 0x80) {
        i += 3;
        if (!out->empty()) out->back().punct_after = true;
        continue;
      }
      std::uint32_t s = i;
      bool digits = c >= '0' && c <= '9';
      while (i < end) {
        unsigned char d = static_cast<unsigned char>(text[i]);
        if (d == 0xE2 && i + 1 < end && static_cast<unsigned char>(text[i + 1]) == 0x80) break;
        if (IsAsciiAlnum(d) || d >= 0x80) {
          ++i;
          continue;
        }
        // 100,000 and 1.2 are one number; "twenty-five" one word.
        if (digits && (d == ',' || d == '.') && i + 1 < end && text[i + 1] >= '0' && text[i + 1] <= '9') {
          ++i;
          continue;
        }
        if (!digits && d == '-' && i + 1 < end && IsAsciiAlnum(static_cast<unsigned char>(text[i + 1]))) {
          ++i;
          continue;
        }
        break;
      }
      Word w{s, i, std::string(text.substr(s, i - s)), false, false};
      bool all_digits = true;
      for (char& ch : w.lower) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        if (!((ch >= '0' && ch <= '9') || ch == ',' || ch == '.')) all_digits = false;
      }
      w.number = all_digits;
      out->push_back(std::move(w));
      continue;
    }
    if (c != ' ' && c != '\n' && c != '\t' && c != '-' && !out->empty()) out->back().punct_after = true;
    ++i;
  }
}

std::vector<std::string> SpaceSeparated(std::string_view s) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from < s.size()) {
    std::size_t sp = s.find(' ', from);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > from) parts.emplace_back(s.substr(from, sp - from));
    from = sp + 1;
  }
  return parts;
}

std::string TermOf(const Word& w) {
  if (w.number || w.lower.size() < 3) return {};
  const Lexicon& lex = Lexicon::Get();
  if (lex.stopwords.count(w.lower)) return {};
  std::string t = w.lower;
  if (t.size() > 4 && t.back() == 's' && t[t.size() - 2] != 's') {
    t.pop_back();
    if (t.size() > 4 && t.ends_with("ie")) {
      t.resize(t.size() - 2);
      t.push_back('y');
    }
  }
  return t;
}

std::uint32_t FeatureHash(char kind, std::string_view key) {
  return static_cast<std::uint32_t>(Hash64(key, static_cast<std::uint64_t>(kind))) & ~kPrivateFeatureBit;
}

double Dot(const SparseVector& a, const SparseVector& b) {
  // A short list against a much longer one (an article against a large
  // story's sum): each of the short list's features is searched for in the
  // long one, ahead of the last hit, instead of walking all of it. The
  // products are added in feature order either way, so the sum is the same.
  if (a.size() * 16 < b.size() || b.size() * 16 < a.size()) {
    const SparseVector& small = a.size() < b.size() ? a : b;
    const SparseVector& large = a.size() < b.size() ? b : a;
    double s = 0;
    auto from = large.begin();
    for (const auto& [h, w] : small) {
      from = std::lower_bound(from, large.end(), h, [](const auto& kv, std::uint32_t key) { return kv.first < key; });
      if (from == large.end()) break;
      if (from->first == h) s += static_cast<double>(w) * from->second;  // a product is the same either way round
    }
    return s;
  }
  // A merge of the two sorted lists, stepping without branches on which
  // side is behind (the comparisons are unpredictable).
  double s = 0;
  std::size_t i = 0, j = 0;
  const std::size_t na = a.size(), nb = b.size();
  while (i < na && j < nb) {
    const std::uint32_t x = a[i].first, y = b[j].first;
    if (x == y) s += static_cast<double>(a[i].second) * b[j].second;
    i += x <= y;
    j += y <= x;
  }
  return s;
}

void DotTable::Assign(const SparseVector& v) {
  // A quarter full at most: insertions then seldom move a key, and almost
  // never fail (a failure takes a table twice the size).
  std::uint32_t bits = 4;
  while ((std::size_t{1} << bits) < 4 * v.size()) ++bits;
  empty_ = UINT32_MAX;
  // The vector is sorted, so the keys at its end show whether the
  // sentinel is taken; then the first free key below it is.
  for (auto it = v.rbegin(); it != v.rend() && it->first == empty_; ++it) --empty_;
  plain_.clear();
  for (; bits <= 24; ++bits) {
    shift_ = 32 - bits;
    if (Build(v)) return;
  }
  // Keys no table of any sensible size holds (not seen with real hashes):
  // the products are merged as detail::Dot merges them.
  slots_.clear();
  plain_ = v;
}

bool DotTable::Build(const SparseVector& v) {
  slots_.assign(std::size_t{1} << (32 - shift_), Slot{empty_, 0.f});
  for (const auto& kv : v) {
    Slot in{kv.first, kv.second};
    std::uint32_t at = First(in.key);
    for (int kicks = 0;; ++kicks) {
      if (slots_[at].key == empty_) {
        slots_[at] = in;
        break;
      }
      if (kicks == 64) return false;
      std::swap(in, slots_[at]);
      // The key taken out goes to its other slot.
      at = First(in.key) == at ? Second(in.key) : First(in.key);
    }
  }
  return true;
}

double DotTable::Dot(const SparseVector& other) const {
  if (slots_.empty()) return detail::Dot(plain_, other);
  // The products of shared features, in order, then their sum: the sum
  // waits only on the shared ones.
  products_.resize(other.size());
  std::size_t n = 0;
  for (const auto& [h, w] : other) {
    const Slot& a = slots_[First(h)];
    const Slot& b = slots_[Second(h)];
    // A key sits in one slot at most, and the sentinel in none that matters.
    const bool in_a = a.key == h, in_b = b.key == h;
    const float weight = in_a ? a.weight : b.weight;
    products_[n] = static_cast<double>(weight) * w;
    n += (in_a || in_b) && h != empty_;
  }
  double s = 0;
  for (std::size_t k = 0; k < n; ++k) s += products_[k];
  return s;
}

void Normalise(SparseVector* v) {
  double n = 0;
  for (const auto& [k, w] : *v) n += static_cast<double>(w) * w;
  if (n <= 0) return;
  const double inv = 1.0 / std::sqrt(n);
  for (auto& kv : *v) kv.second = static_cast<float>(kv.second * inv);
}

}  // namespace detail

ClusterOptions ClusterOptions::FromData() {
  static const ClusterOptions loaded = [] {
    ClusterOptions o;
    for (std::string_view line : DataLines(Resource("stories/cluster.tsv"))) {
      auto [name, value] = detail::SplitTab(line);
      if (value.empty()) SITREP_THROW(ConfigError, "stories/cluster.tsv: no value in line: " << line);
      const std::string v(value);
      const double x = std::strtod(v.c_str(), nullptr);
      auto count = [&] { return static_cast<std::size_t>(std::max(0.0, x)); };
      if (name == "threshold") o.threshold = x;
      else if (name == "entity_weight") o.entity_weight = x;
      else if (name == "entity_salience") o.entity_salience = x;
      else if (name == "event_weight") o.event_weight = x;
      else if (name == "role_weight") o.role_weight = x;
      else if (name == "title_weight") o.title_weight = x;
      else if (name == "year_weight") o.year_weight = x;
      else if (name == "date_weight") o.date_weight = x;
      else if (name == "number_weight") o.number_weight = x;
      else if (name == "idf_power") o.idf_power = x;
      else if (name == "min_df") o.min_df = static_cast<std::uint32_t>(count());
      else if (name == "private_weight") o.private_weight = x;
      else if (name == "time_grace_days") o.time_grace_days = static_cast<int>(x);
      else if (name == "time_decay_days") o.time_decay_days = x;
      else if (name == "max_gap_days") o.max_gap_days = static_cast<int>(x);
      else if (name == "max_span_days") o.max_span_days = static_cast<int>(x);
      else if (name == "span_stretch_similarity") o.span_stretch_similarity = x;
      else if (name == "merge_threshold") o.merge_threshold = x;
      else if (name == "split_threshold") o.split_threshold = x;
      else if (name == "split_silhouette") o.split_silhouette = x;
      else if (name == "split_rounds") o.split_rounds = static_cast<int>(x);
      else if (name == "split_silhouette_again") o.split_silhouette_again = x;
      else if (name == "split_unrelated") o.split_unrelated = x;
      else if (name == "absorb_threshold") o.absorb_threshold = x;
      else if (name == "absorb_articles") o.absorb_articles = count();
      else if (name == "year_conflict") o.year_conflict = x != 0;
      else if (name == "split_seeds") o.split_seeds = count();
      else if (name == "article_features") o.article_features = count();
      else if (name == "centroid_features") o.centroid_features = count();
      else if (name == "postings_cap") o.postings_cap = count();
      else if (name == "probe_features") o.probe_features = count();
      else SITREP_THROW(ConfigError, "stories/cluster.tsv: unknown setting: " << name);
    }
    return o;
  }();
  return loaded;
}

std::int32_t DayNumber(std::string_view iso) {
  auto num = [&](std::size_t pos, std::size_t len, int* out) {
    if (iso.size() < pos + len) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      v = v * 10 + (iso[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 1, d = 1;
  if (!num(0, 4, &y)) return kNoDay;
  bool week = iso.size() >= 7 && iso[4] == '-' && iso[5] == 'W';
  int w = 0;
  if (week) {
    if (!num(6, 2, &w)) return kNoDay;
  } else {
    if (iso.size() >= 7 && iso[4] == '-' && !num(5, 2, &m)) return kNoDay;
    if (iso.size() >= 10 && iso[7] == '-' && !num(8, 2, &d)) return kNoDay;
    if (m < 1 || m > 12 || d < 1 || d > 31) return kNoDay;
  }
  // Days from civil (Howard Hinnant's algorithm).
  auto days = [](int yy, int mm, int dd) {
    yy -= mm <= 2;
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const int yoe = yy - era * 400;
    const int doy = (153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  };
  if (!week) return days(y, m, d);
  // ISO week 1 holds 4 January; weeks start on Monday (1970-01-01 was a Thursday).
  const int jan4 = days(y, 1, 4);
  const int weekday = ((jan4 + 3) % 7 + 7) % 7;  // 0 = Monday
  return jan4 - weekday + (w - 1) * 7;
}

}  // namespace sitrep::stories
