// Online clustering of articles into stories over an inverted index of
// the stories' features.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>
#include <unordered_map>

#include "stories/internal.h"

namespace sitrep::stories {

using detail::Dot;

namespace {
SparseVector SumRaw(const std::vector<SparseVector>& features, const std::vector<std::uint32_t>& members);
bool YearsApart(const std::vector<SplitEvidence>& ev, const std::vector<std::uint32_t>& side_a,
                const std::vector<std::uint32_t>& side_b);

// The fewest articles the split cuts (two halves of two): a smaller story
// is too small to judge on its own coherence.
constexpr std::size_t kFewestToCut = 4;

// Whether a story dated [first, last] may take in what is dated [from, to]
// without spanning more than max_span_days (undated ends never stretch it).
bool SpanAllows(const ClusterOptions& opt, std::int32_t first, std::int32_t last, std::int32_t from, std::int32_t to) {
  if (opt.max_span_days <= 0 || first == kNoDay || from == kNoDay) return true;
  return static_cast<std::int64_t>(std::max(last, to)) - std::min(first, from) <= opt.max_span_days;
}

// What time leaves of a similarity across `gap` days (Clusterer::Impl::TimeFactor).
double TimeFactorOf(const ClusterOptions& opt, std::int32_t gap) {
  if (gap > opt.max_gap_days) return 0;
  if (gap <= opt.time_grace_days) return 1;
  return std::exp(-(gap - opt.time_grace_days) / std::max(1e-9, opt.time_decay_days));
}

// The k heaviest shared features of f (ties by id), private ones left out.
SparseVector StrongestOf(const SparseVector& f, std::size_t k) {
  SparseVector top;
  top.reserve(f.size());
  for (const auto& kv : f)
    if (!IsPrivateFeature(kv.first)) top.push_back(kv);
  auto by_weight = [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; };
  if (top.size() > k) {
    // by_weight is a total order, so selecting then sorting the k gives
    // what a partial sort gives, in linear time rather than N log k.
    std::nth_element(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(k), top.end(), by_weight);
    top.resize(k);
    std::sort(top.begin(), top.end(), by_weight);
  }
  return top;
}

// A story's sum of its members' vectors, pruned to the centroid_features
// strongest shared ones and sorted by feature; *norm2 its squared norm
// before pruning the private features away (each article's own, orthogonal
// to all, so they count in the norm but never in a dot product).
SparseVector PrunedCentroid(const std::vector<SparseVector>& features, const std::vector<std::uint32_t>& members,
                            const ClusterOptions& opt, double* norm2) {
  SparseVector c = SumRaw(features, members);
  double n2 = 0;
  while (!c.empty() && IsPrivateFeature(c.back().first)) {
    n2 += static_cast<double>(c.back().second) * c.back().second;
    c.pop_back();
  }
  if (c.size() > opt.centroid_features) {
    c = StrongestOf(c, opt.centroid_features);
    std::sort(c.begin(), c.end());
  }
  for (const auto& kv : c) n2 += static_cast<double>(kv.second) * kv.second;
  *norm2 = n2;
  return c;
}
}  // namespace

struct Clusterer::Impl {
  ClusterOptions opt;
  struct StoryState {
    SparseVector centroid;  // sum of its articles' vectors, pruned, private features aside
    double private2 = 0;    // squared weight of its articles' private features (orthogonal to all)
    double norm2 = 0;
    std::int32_t first_day = kNoDay, last_day = kNoDay;
    bool retired = false;  // too old for any later article: centroid freed
  };
  std::vector<StoryState> stories;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> postings;
  std::vector<std::uint32_t> seen;  // per story: the Add() stamp that last saw it
  std::vector<float> partial;       // per story: probe weight shared with the current article
  detail::DotTable article;         // the article being added (its memory kept for the next)
  std::uint32_t stamp = 0;
  std::int32_t latest_day = kNoDay;
  std::uint64_t adds = 0;

  // The days between an article and a story, 0 when either is undated.
  std::int32_t Gap(const StoryState& s, std::int32_t day) const {
    if (day == kNoDay || s.first_day == kNoDay) return 0;
    if (day > s.last_day) return day - s.last_day;
    if (day < s.first_day) return s.first_day - day;
    return 0;
  }

  // How much time leaves of a similarity: 1 within the grace period,
  // then an exponential decay; 0 beyond the hard limit.
  double TimeFactor(std::int32_t gap) const { return TimeFactorOf(opt, gap); }

  std::int32_t StoryGap(const StoryState& a, const StoryState& b) const {
    if (a.first_day == kNoDay || b.first_day == kNoDay) return 0;
    if (a.first_day > b.last_day) return a.first_day - b.last_day;
    if (b.first_day > a.last_day) return b.first_day - a.last_day;
    return 0;
  }

  SparseVector Strongest(const SparseVector& f, std::size_t n) const { return StrongestOf(f, n); }

  // Indexes the story under the article's probe features.
  void Index(std::uint32_t story, const std::vector<std::pair<std::uint32_t, float>>& probes) {
    for (const auto& [h, w] : probes) {
      auto& list = postings[h];
      bool present = false;
      for (std::size_t k = list.size(); k-- > 0 && list.size() - k <= 8;) {
        if (list[k] == story) {
          present = true;
          break;
        }
      }
      if (present) continue;
      list.push_back(story);
      // Keep the most recent stories: older ones are the ones time rules out.
      if (list.size() > opt.postings_cap) list.erase(list.begin());
    }
  }

  // The stories (ids below `below`) that share any of `probes`, scored by
  // the probe weight they share; only the best kCandidates, ties by lower
  // id, so the exact cosine runs on few. The caller bumps `stamp` first.
  std::vector<std::pair<float, std::uint32_t>> Candidates(const std::vector<std::pair<std::uint32_t, float>>& probes,
                                                          std::uint32_t below) {
    constexpr std::size_t kCandidates = 8;
    std::vector<std::pair<float, std::uint32_t>> cands;
    partial.resize(stories.size());
    for (const auto& [h, w] : probes) {
      auto it = postings.find(h);
      if (it == postings.end()) continue;
      for (std::uint32_t s : it->second) {
        if (s >= below) continue;
        if (seen[s] != stamp) {
          seen[s] = stamp;
          partial[s] = 0;
          cands.emplace_back(0.f, s);
        }
        partial[s] += w;
      }
    }
    for (auto& c : cands) c.first = partial[c.second];
    auto order = [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; };
    if (cands.size() > kCandidates) {
      std::partial_sort(cands.begin(), cands.begin() + kCandidates, cands.end(), order);
      cands.resize(kCandidates);
    }
    return cands;
  }

  // `probes`: Strongest(f, probe_features) when the caller has it.
  void Update(std::uint32_t story, const SparseVector& f, std::int32_t day,
              const std::vector<std::pair<std::uint32_t, float>>* probes = nullptr) {
    StoryState& s = stories[story];
    SparseVector merged;
    merged.reserve(s.centroid.size() + f.size());
    std::size_t i = 0, j = 0;
    while (i < s.centroid.size() || j < f.size()) {
      if (j < f.size() && IsPrivateFeature(f[j].first)) {
        s.private2 += static_cast<double>(f[j].second) * f[j].second;
        ++j;
        continue;
      }
      if (j == f.size() || (i < s.centroid.size() && s.centroid[i].first < f[j].first)) {
        merged.push_back(s.centroid[i++]);
      } else if (i == s.centroid.size() || f[j].first < s.centroid[i].first) {
        merged.push_back(f[j++]);
      } else {
        merged.emplace_back(f[j].first, s.centroid[i].second + f[j].second);
        ++i;
        ++j;
      }
    }
    if (merged.size() > 2 * opt.centroid_features) {
      auto top = Strongest(merged, opt.centroid_features);
      std::sort(top.begin(), top.end());
      merged = std::move(top);
    }
    s.centroid = std::move(merged);
    s.norm2 = s.private2;
    for (const auto& kv : s.centroid) s.norm2 += static_cast<double>(kv.second) * kv.second;
    if (day != kNoDay) {
      s.first_day = s.first_day == kNoDay ? day : std::min(s.first_day, day);
      s.last_day = s.last_day == kNoDay ? day : std::max(s.last_day, day);
      latest_day = latest_day == kNoDay ? day : std::max(latest_day, day);
    }
    if (probes) Index(story, *probes);
    else Index(story, Strongest(f, opt.probe_features));
  }

  // Frees the centroids of stories no later article can join: with
  // articles in date order, that keeps memory to the stories of the last
  // max_gap_days.
  void Retire() {
    if (latest_day == kNoDay) return;
    for (StoryState& s : stories) {
      if (!s.retired && s.last_day != kNoDay && s.last_day + opt.max_gap_days < latest_day) {
        s.retired = true;
        SparseVector().swap(s.centroid);
        s.norm2 = 0;
      }
    }
  }
};

Clusterer::Clusterer(ClusterOptions options) : impl_(std::make_unique<Impl>()) { impl_->opt = options; }
Clusterer::~Clusterer() = default;

std::uint32_t Clusterer::story_count() const { return static_cast<std::uint32_t>(impl_->stories.size()); }

void Clusterer::Retire() { impl_->Retire(); }
bool Clusterer::retired(std::uint32_t story) const { return story < impl_->stories.size() && impl_->stories[story].retired; }
std::int32_t Clusterer::last_day(std::uint32_t story) const {
  return story < impl_->stories.size() ? impl_->stories[story].last_day : kNoDay;
}
std::int32_t Clusterer::latest_day() const { return impl_->latest_day; }

void Clusterer::DropRetired() {
  Impl& m = *impl_;
  for (auto it = m.postings.begin(); it != m.postings.end();) {
    std::erase_if(it->second, [&](std::uint32_t s) { return m.stories[s].retired; });
    if (it->second.empty()) it = m.postings.erase(it);
    else ++it;
  }
}

double Clusterer::Similarity(std::uint32_t story, const SparseVector& features) const {
  if (story >= impl_->stories.size()) return 0;
  const auto& s = impl_->stories[story];
  if (s.norm2 <= 0) return 0;
  return Dot(features, s.centroid) / std::sqrt(s.norm2);
}

std::uint32_t Clusterer::Add(const SparseVector& features, std::int32_t day) {
  Impl& m = *impl_;
  if (++m.adds % 4096 == 0) m.Retire();
  ++m.stamp;
  double best = -1;
  std::uint32_t best_story = UINT32_MAX;
  const auto probes = m.Strongest(features, m.opt.probe_features);
  const auto cands = m.Candidates(probes, UINT32_MAX);
  m.article.Assign(features);
  for (const auto& [partial, s] : cands) {
    const auto& st = m.stories[s];
    if (st.retired) continue;
    const double tf = m.TimeFactor(m.Gap(st, day));
    if (tf <= 0 || !SpanAllows(m.opt, st.first_day, st.last_day, day, day)) continue;
    // Similarity(s, features), with the article spread once for all candidates.
    double sim = (st.norm2 > 0 ? m.article.Dot(st.centroid) / std::sqrt(st.norm2) : 0.0) * tf;
    if (sim > best || (sim == best && s < best_story)) {
      best = sim;
      best_story = s;
    }
  }
  if (best_story != UINT32_MAX && best >= m.opt.threshold) {
    m.Update(best_story, features, day, &probes);
    return best_story;
  }
  const auto story = static_cast<std::uint32_t>(m.stories.size());
  m.stories.emplace_back();
  m.seen.push_back(0);
  m.Update(story, features, day, &probes);
  return story;
}

std::vector<std::uint32_t> Clusterer::MergeSimilar() {
  Impl& m = *impl_;
  const auto n = static_cast<std::uint32_t>(m.stories.size());
  std::vector<std::uint32_t> parent(n);
  // The dates each merged group spans, so that merging stays within
  // max_span_days for the group, not only for each pair.
  std::vector<std::int32_t> first(n), last(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    parent[i] = i;
    first[i] = m.stories[i].first_day;
    last[i] = m.stories[i].last_day;
  }
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::uint32_t s = 0; s < n; ++s) {
    const auto& st = m.stories[s];
    if (st.retired || st.norm2 <= 0) continue;
    ++m.stamp;
    m.seen[s] = m.stamp;
    const double ns = std::sqrt(st.norm2);
    const auto cands = m.Candidates(m.Strongest(st.centroid, m.opt.probe_features), s);
    {
      for (const auto& [p, t] : cands) {
        const auto& tt = m.stories[t];
        if (tt.retired || tt.norm2 <= 0) continue;
        const double tf = m.TimeFactor(m.StoryGap(st, tt));
        if (tf <= 0 || !SpanAllows(m.opt, st.first_day, st.last_day, tt.first_day, tt.last_day)) continue;
        const double sim = Dot(st.centroid, tt.centroid) / (ns * std::sqrt(tt.norm2)) * tf;
        if (sim >= m.opt.merge_threshold) {
          std::uint32_t a = find(s), b = find(t);
          if (a == b || !SpanAllows(m.opt, first[a], last[a], first[b], last[b])) continue;
          const std::uint32_t root = std::min(a, b), child = std::max(a, b);
          parent[child] = root;
          if (first[root] == kNoDay) {
            first[root] = first[child];
            last[root] = last[child];
          } else if (first[child] != kNoDay) {
            first[root] = std::min(first[root], first[child]);
            last[root] = std::max(last[root], last[child]);
          }
        }
      }
    }
  }
  for (std::uint32_t i = 0; i < n; ++i) parent[i] = find(i);
  return parent;
}

void Clusterer::AddTo(std::uint32_t story, const SparseVector& features, std::int32_t day) {
  if (story >= impl_->stories.size()) return;
  impl_->Update(story, features, day);
}

namespace {

// The stories' centroids (sums, not normalised), norms and strongest
// features, and the articles they were summed from: a story whose articles
// are the same in the next round, or the next reassignment, is not summed
// again.
struct ReassignState {
  std::vector<SparseVector> centroid, story_probes;
  std::vector<double> norm2;
  std::vector<std::vector<std::uint32_t>> members;
};

// Posting lists: a feature's stories (at most postings_cap of them).
using StoryIndex = std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>;

// Fills *cands with the stories of `index` that share the most probe
// weight with `probes`, the eight strongest at most, strongest first
// (ties by story). A story whose seen[] entry already holds `stamp` is
// left out (callers mark the story asking); seen and partial are scratch
// sized to the stories.
void TopCandidates(const SparseVector& probes, const StoryIndex& index, std::uint32_t stamp,
                   std::vector<std::uint32_t>& seen, std::vector<float>& partial,
                   std::vector<std::pair<float, std::uint32_t>>* cands) {
  cands->clear();
  for (const auto& [h, w] : probes) {
    auto it = index.find(h);
    if (it == index.end()) continue;
    for (std::uint32_t s : it->second) {
      if (seen[s] != stamp) {
        seen[s] = stamp;
        partial[s] = 0;
        cands->emplace_back(0.f, s);
      }
      partial[s] += w;
    }
  }
  for (auto& c : *cands) c.first = partial[c.second];
  constexpr std::size_t kCandidates = 8;
  auto order = [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; };
  if (cands->size() > kCandidates) {
    std::partial_sort(cands->begin(), cands->begin() + kCandidates, cands->end(), order);
    cands->resize(kCandidates);
  }
}

// Reassign() with each article's probe features given and the centroids
// kept in *st (Refine() computes both once for its two reassignments).
std::vector<std::uint32_t> ReassignWith(const std::vector<SparseVector>& features, const std::vector<std::int32_t>& days,
                                        std::vector<std::uint32_t> story, const ClusterOptions& opt, int rounds,
                                        const std::vector<SparseVector>& probes, ReassignState* st,
                                        const std::vector<SplitEvidence>* evidence) {
  const bool year_conflict = opt.year_conflict && evidence && evidence->size() >= features.size();
  std::uint32_t n = static_cast<std::uint32_t>(st->members.size());
  for (std::uint32_t s : story) n = std::max(n, s + 1);
  auto time_factor = [&](std::int32_t gap) { return TimeFactorOf(opt, gap); };
  std::vector<SparseVector>& centroid = st->centroid;
  std::vector<SparseVector>& story_probes = st->story_probes;
  std::vector<double>& norm2 = st->norm2;
  centroid.resize(n);
  story_probes.resize(n);
  norm2.resize(n, 0);
  std::vector<std::vector<std::uint32_t>> members, before = std::move(st->members);
  before.resize(n);
  for (int round = 0; round < rounds; ++round) {
    // Centroids and date ranges of the stories as they stand.
    if (round > 0) before.swap(members);
    members.assign(n, {});
    std::vector<std::int32_t> first(n, kNoDay), last(n, kNoDay);
    for (std::size_t i = 0; i < features.size(); ++i) {
      const std::uint32_t s = story[i];
      members[s].push_back(static_cast<std::uint32_t>(i));
      if (days[i] != kNoDay) {
        first[s] = first[s] == kNoDay ? days[i] : std::min(first[s], days[i]);
        last[s] = last[s] == kNoDay ? days[i] : std::max(last[s], days[i]);
      }
    }
    // Per story, the years its articles name, each once: story s's are
    // named_years[story_years[s]] to named_years[story_years[s + 1] - 1].
    std::vector<std::uint16_t> named_years;
    std::vector<std::uint32_t> story_years;
    if (year_conflict) {
      std::vector<std::pair<std::uint32_t, std::uint16_t>> pairs;
      for (std::size_t i = 0; i < features.size(); ++i)
        for (std::uint16_t y : (*evidence)[i].years)
          if (y != 0) pairs.emplace_back(story[i], y);
      std::sort(pairs.begin(), pairs.end());
      pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
      story_years.assign(n + 1, 0);
      for (const auto& [s, y] : pairs) {
        named_years.push_back(y);
        ++story_years[s + 1];
      }
      for (std::uint32_t s = 0; s < n; ++s) story_years[s + 1] += story_years[s];
    }
    StoryIndex index;
    for (std::uint32_t s = 0; s < n; ++s) {
      if (members[s] == before[s]) {
        for (const auto& [h, w] : story_probes[s]) {
          auto& list = index[h];
          if (list.size() < opt.postings_cap) list.push_back(s);
        }
        continue;
      }
      SparseVector c = PrunedCentroid(features, members[s], opt, &norm2[s]);
      story_probes[s] = StrongestOf(c, opt.probe_features);
      for (const auto& [h, w] : story_probes[s]) {
        auto& list = index[h];
        if (list.size() < opt.postings_cap) list.push_back(s);
      }
      centroid[s] = std::move(c);
    }
    std::vector<std::uint32_t> seen(n, UINT32_MAX);
    std::vector<float> partial(n, 0);
    std::vector<std::pair<float, std::uint32_t>> cands;
    bool moved = false;
    detail::DotTable article;
    for (std::size_t i = 0; i < features.size(); ++i) {
      const auto stamp = static_cast<std::uint32_t>(i);
      article.Assign(features[i]);
      auto gap = [&](std::uint32_t s) -> std::int32_t {
        if (days[i] == kNoDay || first[s] == kNoDay) return 0;
        if (days[i] > last[s]) return days[i] - last[s];
        if (days[i] < first[s]) return first[s] - days[i];
        return 0;
      };
      auto cosine = [&](std::uint32_t s) {
        return norm2[s] > 0 ? article.Dot(centroid[s]) / std::sqrt(norm2[s]) * time_factor(gap(s)) : 0.0;
      };
      // Against its own story without itself (leave one out), else every
      // article would fit its own story best.
      const std::uint32_t own = story[i];
      const double d = article.Dot(centroid[own]);
      const double rest2 = norm2[own] - 2 * d + 1;
      const double own_sim = rest2 > 1e-6 ? (d - 1) / std::sqrt(rest2) * time_factor(gap(own)) : 0.0;
      // Another story whose articles name years, none of them one the
      // article names (its own story is never held against it). Within
      // the grace days of the story's dates time says it may be the same
      // happening, whatever the years: a report of 2 January on a story
      // of the last days of December.
      auto conflicts = [&](std::uint32_t s) {
        if (!year_conflict || (*evidence)[i].years[0] == 0 || story_years[s] == story_years[s + 1]) return false;
        if (days[i] != kNoDay && first[s] != kNoDay && gap(s) <= opt.time_grace_days) return false;
        const auto& mine = (*evidence)[i].years;
        for (std::uint32_t k = story_years[s]; k < story_years[s + 1]; ++k)
          if (std::find(mine.begin(), mine.end(), named_years[k]) != mine.end()) return false;
        return true;
      };
      std::uint32_t best_story = own;
      double best = std::max(own_sim, opt.threshold);
      seen[own] = stamp;
      TopCandidates(probes[i], index, stamp, seen, partial, &cands);
      for (const auto& [p, s] : cands) {
        if (s == own || conflicts(s)) continue;
        const double sim = cosine(s);
        if (sim < opt.span_stretch_similarity && !SpanAllows(opt, first[s], last[s], days[i], days[i])) continue;
        // A clear margin, so articles do not oscillate between two stories.
        if (sim > best + 0.02) {
          best = sim;
          best_story = s;
        }
      }
      if (best_story != story[i]) {
        story[i] = best_story;
        moved = true;
        // The story's dates take the article's at once, so that the next
        // articles of the round see how far it already reaches: several
        // moves in one round cannot each stretch it a little.
        if (days[i] != kNoDay) {
          first[best_story] = first[best_story] == kNoDay ? days[i] : std::min(first[best_story], days[i]);
          last[best_story] = last[best_story] == kNoDay ? days[i] : std::max(last[best_story], days[i]);
        }
      }
    }
    if (!moved) break;
  }
  st->members = std::move(members);
  return story;
}

// AbsorbSmall() with the centroids of the last reassignment in *st, used
// again for the stories whose articles are still the same.
std::vector<std::uint32_t> AbsorbSmallWith(const std::vector<SparseVector>& features, const std::vector<std::int32_t>& days,
                                           std::vector<std::uint32_t> story, const ClusterOptions& opt, ReassignState* st,
                                           const std::vector<SplitEvidence>* evidence) {
  if (opt.absorb_threshold <= 0) return story;
  const std::size_t small = std::max<std::size_t>(opt.absorb_articles, 1);
  const bool years_apart = opt.year_conflict && evidence && evidence->size() >= story.size();
  std::uint32_t n = 0;
  for (std::uint32_t s : story) n = std::max(n, s + 1);
  std::vector<std::vector<std::uint32_t>> members(n);
  std::vector<std::int32_t> first(n, kNoDay), last(n, kNoDay);
  for (std::uint32_t i = 0; i < story.size(); ++i) {
    const std::uint32_t s = story[i];
    members[s].push_back(i);
    if (days[i] != kNoDay) {
      first[s] = first[s] == kNoDay ? days[i] : std::min(first[s], days[i]);
      last[s] = last[s] == kNoDay ? days[i] : std::max(last[s], days[i]);
    }
  }
  bool any_small = false;
  for (const auto& m : members) any_small |= !m.empty() && m.size() <= small;
  if (!any_small) return story;
  st->centroid.resize(n);
  st->story_probes.resize(n);
  st->norm2.resize(n, 0);
  st->members.resize(n);
  // The pruned centroid (private features aside, but in the norm) of a
  // story, summed again only when its articles changed since *st.
  auto summarise = [&](std::uint32_t s) {
    if (st->members[s] == members[s]) return;
    SparseVector c = PrunedCentroid(features, members[s], opt, &st->norm2[s]);
    st->story_probes[s] = StrongestOf(c, opt.probe_features);
    st->centroid[s] = std::move(c);
    st->members[s] = members[s];
  };
  // Only the stories the split has judged take others in, so no story
  // both absorbs and is absorbed.
  StoryIndex index;
  for (std::uint32_t s = 0; s < n; ++s) {
    if (members[s].size() <= small) continue;
    summarise(s);
    for (const auto& [h, w] : st->story_probes[s]) {
      auto& list = index[h];
      if (list.size() < opt.postings_cap) list.push_back(s);
    }
  }
  std::vector<std::uint32_t> seen(n, UINT32_MAX);
  std::vector<float> partial(n, 0);
  std::vector<std::pair<float, std::uint32_t>> cands;
  for (std::uint32_t k = 0; k < n; ++k) {
    if (members[k].empty() || members[k].size() > small) continue;
    summarise(k);
    if (st->norm2[k] <= 0) continue;
    TopCandidates(st->story_probes[k], index, k, seen, partial, &cands);
    double best = opt.absorb_threshold;
    std::uint32_t into = k;
    for (const auto& [p, s] : cands) {
      // Nor does it undo what the split cut on the years.
      if (years_apart && YearsApart(*evidence, members[k], members[s])) continue;
      std::int32_t gap = 0;
      if (first[k] != kNoDay && first[s] != kNoDay)
        gap = first[k] > last[s] ? first[k] - last[s] : first[s] > last[k] ? first[s] - last[k] : 0;
      const double sim = Dot(st->centroid[k], st->centroid[s]) / std::sqrt(st->norm2[k] * st->norm2[s]) * TimeFactorOf(opt, gap);
      if (sim > best || (sim == best && into != k && s < into)) {
        best = sim;
        into = s;
      }
    }
    if (into == k) continue;
    for (std::uint32_t i : members[k]) story[i] = into;
  }
  return story;
}

std::vector<SparseVector> ArticleProbes(const std::vector<SparseVector>& features, const ClusterOptions& opt) {
  std::vector<SparseVector> probes(features.size());
  for (std::size_t i = 0; i < probes.size(); ++i) probes[i] = StrongestOf(features[i], opt.probe_features);
  return probes;
}

}  // namespace

std::vector<std::uint32_t> Reassign(const std::vector<SparseVector>& features, const std::vector<std::int32_t>& days,
                                    std::vector<std::uint32_t> story, const ClusterOptions& opt, int rounds,
                                    const std::vector<SplitEvidence>* evidence) {
  if (rounds <= 0) return story;
  ReassignState st;
  return ReassignWith(features, days, std::move(story), opt, rounds, ArticleProbes(features, opt), &st, evidence);
}

namespace {

// The sum of the members' vectors, in double, each feature's weights
// added in member order: all the pairs, stably sorted by feature, then
// summed run by run. (Merging each member into a running sum, as before,
// costs the sum's size per member: quadratic for a large story.)
SparseVector SumRaw(const std::vector<SparseVector>& features, const std::vector<std::uint32_t>& members) {
  std::size_t total = 0;
  for (std::uint32_t m : members) total += features[m].size();
  std::vector<std::pair<std::uint32_t, float>> all;
  all.reserve(total);
  for (std::uint32_t m : members) all.insert(all.end(), features[m].begin(), features[m].end());
  std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::pair<std::uint32_t, double>> acc;
  for (std::size_t i = 0; i < all.size();) {
    double sum = 0;
    std::size_t j = i;
    for (; j < all.size() && all[j].first == all[i].first; ++j) sum += static_cast<double>(all[j].second);
    acc.emplace_back(all[i].first, sum);
    i = j;
  }
  SparseVector out;
  out.reserve(acc.size());
  for (const auto& [h, w] : acc) out.emplace_back(h, static_cast<float>(w));
  return out;
}

SparseVector SumOf(const std::vector<SparseVector>& features, const std::vector<std::uint32_t>& members) {
  SparseVector out = SumRaw(features, members);
  detail::Normalise(&out);
  return out;
}

// Mean silhouette of a two-way split, with centroids for the mean
// similarities: per article, a = cosine to its own half without itself,
// b = cosine to the other half, s = (a - b) / max(a, b). Near 0 when the
// halves are one group cut in two (as far from each other as within
// themselves), towards 1 when each half holds together apart from the other.
// Scale-free: a story on a wordy kind of happening and one on a terse kind
// are judged alike.
double Silhouette(const std::vector<SparseVector>& features, const std::vector<std::uint32_t>& side_a,
                  const std::vector<std::uint32_t>& side_b) {
  const SparseVector sa = SumRaw(features, side_a), sb = SumRaw(features, side_b);
  auto norm2 = [](const SparseVector& v) {
    double n = 0;
    for (const auto& kv : v) n += static_cast<double>(kv.second) * kv.second;
    return n;
  };
  const double na = norm2(sa), nb = norm2(sb);
  double total = 0;
  const detail::DotTable ta(sa), tb(sb);
  auto score = [&](const std::vector<std::uint32_t>& own, const detail::DotTable& so, double no,
                   const detail::DotTable& other, double nother) {
    for (std::uint32_t i : own) {
      const double d = so.Dot(features[i]);
      const double rest2 = no - 2 * d + 1;  // |own - f_i|^2, f_i unit length
      const double a = rest2 > 1e-9 ? (d - 1) / std::sqrt(rest2) : 0;
      const double b = nother > 0 ? other.Dot(features[i]) / std::sqrt(nother) : 0;
      const double m = std::max(a, b);
      total += m > 0 ? (a - b) / m : 0;
    }
  };
  score(side_a, ta, na, tb, nb);
  score(side_b, tb, nb, ta, na);
  return total / static_cast<double>(side_a.size() + side_b.size());
}

}  // namespace

namespace {

// The value named by the most articles of `side` (the smallest of equals)
// and whether half or more of them name it; 0 when none names any.
template <class T, class Of>
std::pair<T, bool> FirstNamed(const std::vector<SplitEvidence>& ev, const std::vector<std::uint32_t>& side, Of of) {
  std::map<T, std::uint32_t> count;
  for (std::uint32_t i : side)
    if (i < ev.size())
      for (T x : of(ev[i])) ++count[x];
  T best = 0;
  std::uint32_t most = 0;
  for (const auto& [x, n] : count)
    if (n > most) most = n, best = x;
  return {best, 2 * most >= side.size()};
}

// How many of a half's most named entities OneHappening() compares.
constexpr std::size_t kProtagonists = 3;

// True when both halves report first the same day, each in half or more
// of their articles, and are about the same entity (see SplitIncoherent).
bool OneHappening(const std::vector<SplitEvidence>& ev,
                  const std::vector<std::uint32_t>& side_a, const std::vector<std::uint32_t>& side_b) {
  auto days = [](const SplitEvidence& e) -> const std::vector<std::uint16_t>& { return e.days; };
  const auto [a, a_most] = FirstNamed<std::uint16_t>(ev, side_a, days);
  const auto [b, b_most] = FirstNamed<std::uint16_t>(ev, side_b, days);
  if (a == 0 || b == 0 || !a_most || !b_most) return false;
  // A day apart is the same day told from either side of midnight ("late
  // Thursday", "early Friday"); the year is not known, so the calendar wraps.
  static constexpr int kBefore[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  auto day_of_year = [](std::uint16_t d) { return kBefore[d / 32 - 1] + d % 32; };
  const int gap = std::abs(day_of_year(a) - day_of_year(b));
  if (std::min(gap, 365 - gap) > 1) return false;
  // The entities each half names most often (by name mentions): who or
  // what the half is about. The few first, not the one: one half of a
  // disaster may quote an official more often than it names the place,
  // the other name the place most.
  auto protagonists = [&](const std::vector<std::uint32_t>& side) {
    std::map<std::uint32_t, std::uint32_t> mentions;
    for (std::uint32_t i : side)
      if (i < ev.size())
        for (const auto& [e, n] : ev[i].entities) mentions[e] += n;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_count;  // (mentions, entity)
    for (const auto& [e, n] : mentions) by_count.emplace_back(n, e);
    std::sort(by_count.begin(), by_count.end(), [](const auto& p, const auto& q) {
      return p.first != q.first ? p.first > q.first : p.second < q.second;
    });
    std::vector<std::uint32_t> out;
    // Only those named about as often as the first (half as often or
    // more): a person a half names in passing is not what it is about.
    for (std::size_t k = 0; k < by_count.size() && k < kProtagonists && 2 * by_count[k].first >= by_count[0].first; ++k)
      out.push_back(by_count[k].second);
    return out;
  };
  const auto x = protagonists(side_a), y = protagonists(side_b);
  for (std::uint32_t e : x)
    if (std::find(y.begin(), y.end(), e) != y.end()) return true;
  return false;
}

// True when two or more articles of each half name years and no year
// one half names is one the other names.
bool YearsApart(const std::vector<SplitEvidence>& ev, const std::vector<std::uint32_t>& side_a,
                const std::vector<std::uint32_t>& side_b) {
  auto years = [&](const std::vector<std::uint32_t>& side, std::vector<std::uint16_t>* out) {
    std::size_t naming = 0;
    for (std::uint32_t i : side) {
      if (i >= ev.size() || ev[i].years[0] == 0) continue;
      ++naming;
      for (std::uint16_t y : ev[i].years)
        if (y != 0) out->push_back(y);
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return naming;
  };
  std::vector<std::uint16_t> a, b;
  if (years(side_a, &a) < 2 || years(side_b, &b) < 2) return false;
  std::vector<std::uint16_t> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both.empty();
}

}  // namespace

std::vector<std::uint32_t> SplitIncoherent(const std::vector<SparseVector>& features, std::vector<std::uint32_t> story,
                                           const ClusterOptions& opt,
                                           const std::vector<SplitEvidence>* evidence) {
  if (opt.split_threshold <= 0 && opt.split_silhouette <= 0) return story;
  std::uint32_t n = 0;
  for (std::uint32_t s : story) n = std::max(n, s + 1);
  std::vector<std::vector<std::uint32_t>> members(n);
  for (std::uint32_t i = 0; i < story.size(); ++i) members[story[i]].push_back(i);
  // 2-means from given seeds; the halves, or empty ones when it fails.
  auto two_means = [&](const std::vector<std::uint32_t>& mem, std::uint32_t a, std::uint32_t b,
                       std::vector<std::uint32_t>* side_a, std::vector<std::uint32_t>* side_b, SparseVector* ca,
                       SparseVector* cb) {
    *ca = features[a];
    *cb = features[b];
    std::vector<std::uint32_t> before;
    detail::DotTable ta, tb;
    for (int iter = 0; iter < 4; ++iter) {
      before.swap(*side_a);
      side_a->clear();
      side_b->clear();
      ta.Assign(*ca);
      tb.Assign(*cb);
      for (std::uint32_t i : mem) (ta.Dot(features[i]) >= tb.Dot(features[i]) ? side_a : side_b)->push_back(i);
      if (side_a->empty() || side_b->empty()) break;
      if (*side_a == before) break;  // settled: the centroids are those of these halves
      *ca = SumOf(features, *side_a);
      *cb = SumOf(features, *side_b);
    }
  };
  // A story and each part split off it are looked at again (a story may
  // have run three happenings together), up to opt.split_rounds deep.
  std::vector<int> depth(n, 0);
  // Per story: a part of a cut, held to split_silhouette_again.
  std::vector<char> strict(n, 0);
  for (std::uint32_t s = 0; s < n; ++s) {
    if (depth[s] >= opt.split_rounds) continue;
    const std::vector<std::uint32_t> mem = members[s];
    if (mem.size() < kFewestToCut) continue;
    const SparseVector c = SumOf(features, mem);
    // Seeds: each of the split_seeds articles least like the story, with
    // the article least like it; the cut with the best silhouette is kept.
    std::vector<std::pair<double, std::uint32_t>> outliers;
    const detail::DotTable tc(c);
    for (std::uint32_t i : mem) outliers.emplace_back(tc.Dot(features[i]), i);
    const std::size_t seeds = std::min<std::size_t>(std::max<std::size_t>(opt.split_seeds, 1), outliers.size());
    std::partial_sort(outliers.begin(), outliers.begin() + static_cast<std::ptrdiff_t>(seeds), outliers.end());
    double best = -2;
    std::vector<std::uint32_t> best_a, best_b;
    SparseVector best_ca, best_cb;
    for (std::size_t k = 0; k < seeds; ++k) {
      const std::uint32_t a = outliers[k].second;
      std::uint32_t b = a;
      double worst = 2;
      const detail::DotTable seed(features[a]);
      for (std::uint32_t i : mem)
        if (double d = seed.Dot(features[i]); d < worst) worst = d, b = i;
      if (a == b) continue;
      std::vector<std::uint32_t> side_a, side_b;
      SparseVector ca, cb;
      two_means(mem, a, b, &side_a, &side_b, &ca, &cb);
      if (side_a.size() < 2 || side_b.size() < 2) continue;
      const double sil = Silhouette(features, side_a, side_b);
      if (sil > best) {
        best = sil;
        best_a = std::move(side_a);
        best_b = std::move(side_b);
        best_ca = std::move(ca);
        best_cb = std::move(cb);
      }
    }
    if (best_a.empty()) continue;
    // Every test that is on must hold.
    if (opt.split_threshold > 0 && Dot(best_ca, best_cb) >= opt.split_threshold) continue;
    if (opt.split_silhouette > 0 && best < opt.split_silhouette) continue;
    // A part of a cut is cut again only as clearly as two happenings part:
    // one happening told two ways cuts at a middling silhouette, and each
    // further cut of it would leave a splinter. Unless the halves name
    // years apart: two happenings of one kind years apart, which the
    // first cut left together as nearer each other than the rest.
    if (strict[s] && best < opt.split_silhouette_again &&
        !(opt.year_conflict && evidence && YearsApart(*evidence, best_a, best_b)))
      continue;
    if (evidence && OneHappening(*evidence, best_a, best_b)) continue;
    for (std::uint32_t i : best_b) story[i] = n;
    members[s] = best_a;
    members.push_back(best_b);
    depth[s] += 1;
    depth.push_back(depth[s]);
    // Halves this far apart share next to nothing: two unrelated stories
    // the online pass joined, each judged again as a story of its own.
    if (opt.split_unrelated <= 0 || best < opt.split_unrelated) strict[s] = 1;
    strict.push_back(strict[s]);
    --s;  // look at the remaining part again
    ++n;
  }
  return story;
}

std::vector<std::uint32_t> AbsorbSmall(const std::vector<SparseVector>& features, const std::vector<std::int32_t>& days,
                                       std::vector<std::uint32_t> story, const ClusterOptions& opt) {
  ReassignState st;
  return AbsorbSmallWith(features, days, std::move(story), opt, &st, nullptr);
}

std::vector<std::uint32_t> Refine(const std::vector<SparseVector>& features, const std::vector<std::int32_t>& days,
                                  const std::vector<std::int64_t>& follows, std::vector<std::uint32_t> story,
                                  const ClusterOptions& opt, int rounds,
                                  const std::vector<SplitEvidence>* evidence) {
  auto follow = [&] {
    for (std::size_t k = 0; k < story.size() && k < follows.size(); ++k)
      if (follows[k] >= 0) story[k] = story[static_cast<std::size_t>(follows[k])];
  };
  const std::vector<SparseVector> probes = rounds > 0 ? ArticleProbes(features, opt) : std::vector<SparseVector>();
  ReassignState st;
  if (rounds > 0) {
    story = ReassignWith(features, days, std::move(story), opt, rounds, probes, &st, evidence);
    follow();
  }
  story = SplitIncoherent(features, std::move(story), opt, evidence);
  follow();
  if (rounds > 0) {
    story = ReassignWith(features, days, std::move(story), opt, rounds, probes, &st, evidence);
    follow();
  }
  story = AbsorbSmallWith(features, days, std::move(story), opt, &st, evidence);
  follow();
  return story;
}

}  // namespace sitrep::stories
