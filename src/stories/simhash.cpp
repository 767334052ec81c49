// Near-duplicate detection: syndicated wire copy and re-published articles
// carry nearly the same words, so their SimHashes differ in few bits.
#include <algorithm>
#include <bit>

#include "core/hash.h"
#include "stories/internal.h"

namespace sitrep::stories {
namespace detail {

namespace {

// The hashes of a text's word 3-shingles, in order, from its words' hashes
// so that no string is built.
std::vector<std::uint64_t> ShingleHashes(const std::vector<Word>& words) {
  std::vector<std::uint64_t> out;
  if (words.size() < 3) return out;
  std::vector<std::uint64_t> wh(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) wh[i] = Hash64(words[i].lower, 0x5157);
  out.reserve(words.size() - 2);
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    std::uint64_t h = wh[i] ^ std::rotl(wh[i + 1], 21) ^ std::rotl(wh[i + 2], 42);
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    out.push_back(h);
  }
  return out;
}

}  // namespace

namespace {

std::vector<std::uint32_t> SketchOf(const std::vector<std::uint64_t>& hashes) {
  std::vector<std::uint32_t> out;
  out.reserve(hashes.size());
  for (std::uint64_t h : hashes) out.push_back(static_cast<std::uint32_t>(h >> 32));
  // The smallest distinct values without sorting them all: the 2 x
  // kSketchSize smallest (repeats included) hold them unless the text
  // repeats itself a great deal, which the full sort then handles.
  if (out.size() > 2 * kSketchSize) {
    std::nth_element(out.begin(), out.begin() + 2 * kSketchSize, out.end());
    std::vector<std::uint32_t> head(out.begin(), out.begin() + 2 * kSketchSize);
    std::sort(head.begin(), head.end());
    head.erase(std::unique(head.begin(), head.end()), head.end());
    if (head.size() >= kSketchSize) {
      head.resize(kSketchSize);
      return head;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.size() > kSketchSize) out.resize(kSketchSize);
  return out;
}

std::uint64_t SimHashOf(const std::vector<std::uint64_t>& hashes) {
  if (hashes.empty()) return 0;
  int acc[64] = {};
  for (std::uint64_t h : hashes) {
    for (int b = 0; b < 64; ++b) acc[b] += static_cast<int>((h >> b) & 1) * 2 - 1;
  }
  std::uint64_t out = 0;
  for (int b = 0; b < 64; ++b)
    if (acc[b] > 0) out |= std::uint64_t{1} << b;
  return out;
}

}  // namespace

std::vector<std::uint32_t> ShingleSketchWords(const std::vector<Word>& words) { return SketchOf(ShingleHashes(words)); }

std::uint64_t SimHashWords(const std::vector<Word>& words) { return SimHashOf(ShingleHashes(words)); }

std::uint64_t SimHashAndSketchWords(const std::vector<Word>& words, std::vector<std::uint32_t>* sketch) {
  const std::vector<std::uint64_t> hashes = ShingleHashes(words);
  *sketch = SketchOf(hashes);
  return SimHashOf(hashes);
}

}  // namespace detail

std::uint64_t SimHash(std::string_view text) {
  std::vector<detail::Word> words;
  detail::Words(text, 0, static_cast<std::uint32_t>(text.size()), &words);
  return detail::SimHashWords(words);
}

std::vector<std::uint32_t> ShingleSketch(std::string_view text) {
  std::vector<detail::Word> words;
  detail::Words(text, 0, static_cast<std::uint32_t>(text.size()), &words);
  return detail::ShingleSketchWords(words);
}

namespace {

// Texts shorter than this many shingles say too little to be told apart
// from another by their words.
constexpr std::size_t kMinSketch = 20;
// Which of a sketch's smallest hashes index it: two texts sharing most
// shingles almost surely share one of them.
constexpr std::size_t kIndexed = 8;

// Whether two sketches are of near copies: most of the shorter text's
// shingles are in the other (0.77 for a copy under a new first sentence in
// a 100-word text; at most about 0.25 for two reports of one happening
// that share a quotation) and the texts are of like size.
bool SameText(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  // Both samples cover the hashes up to the smaller of their largest.
  const std::uint32_t upto = std::min(a.size() < kSketchSize ? UINT32_MAX : a.back(),
                                      b.size() < kSketchSize ? UINT32_MAX : b.back());
  const auto na = static_cast<std::size_t>(std::upper_bound(a.begin(), a.end(), upto) - a.begin());
  const auto nb = static_cast<std::size_t>(std::upper_bound(b.begin(), b.end(), upto) - b.begin());
  const std::size_t smaller = std::min(na, nb);
  if (smaller < kMinSketch) return false;
  auto near_copies = [&](std::size_t both) {
    const double containment = static_cast<double>(both) / static_cast<double>(smaller);
    const double jaccard = static_cast<double>(both) / static_cast<double>(na + nb - both);
    return containment >= 0.6 && jaccard >= 0.4;
  };
  // The fewest shared hashes that make near copies (both ratios grow with
  // it), so that the count stops once the rest cannot reach it: most pairs
  // compared are reports of one happening, not copies, and share few.
  std::size_t lo = 0, hi = smaller + 1;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (near_copies(mid)) hi = mid;
    else lo = mid + 1;
  }
  const std::size_t need = lo;
  if (need > smaller) return false;
  std::size_t both = 0, i = 0, j = 0;
  while (i < na && j < nb) {
    if (both + std::min(na - i, nb - j) < need) return false;
    const std::uint32_t x = a[i], y = b[j];
    both += x == y;
    i += x <= y;
    j += y <= x;
  }
  return both >= need;
}

}  // namespace

std::int64_t NearDuplicates::Add(std::uint64_t simhash, std::vector<std::uint32_t> sketch) {
  // Bounded buckets: a bucket that fills up keeps its first texts, the
  // originals that later copies are most likely to repeat.
  constexpr std::size_t kBucketCap = 64;
  if (buckets_.empty()) buckets_.resize(4 * 65536);
  const auto index = static_cast<std::uint32_t>(base_ + hashes_.size());
  std::int64_t found = -1;
  if (simhash != 0) {
    for (int band = 0; band < 4 && found < 0; ++band) {
      const auto& bucket = buckets_[band * 65536 + ((simhash >> (16 * band)) & 0xFFFF)];
      for (std::uint32_t other : bucket) {
        if (std::popcount(hashes_[other - base_] ^ simhash) <= max_distance_) {
          found = other;
          break;
        }
      }
    }
    for (int band = 0; band < 4; ++band) {
      auto& bucket = buckets_[band * 65536 + ((simhash >> (16 * band)) & 0xFFFF)];
      if (bucket.size() < kBucketCap) bucket.push_back(index);
    }
  }
  if (sketch.size() >= kMinSketch) {
    const std::size_t indexed = std::min(kIndexed, sketch.size());
    if (found < 0) {
      // A text found under several of the hashes is compared once, the
      // earliest first, as a copy follows its original.
      std::vector<std::uint32_t> candidates;
      for (std::size_t k = 0; k < indexed; ++k) {
        auto it = by_shingle_.find(sketch[k]);
        if (it != by_shingle_.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (std::uint32_t other : candidates) {
        if (SameText(sketches_[other - base_], sketch)) {
          found = other;
          break;
        }
      }
    }
    for (std::size_t k = 0; k < indexed; ++k) {
      auto& bucket = by_shingle_[sketch[k]];
      if (bucket.size() < kBucketCap && (bucket.empty() || bucket.back() != index)) bucket.push_back(index);
    }
  } else {
    sketch.clear();
  }
  hashes_.push_back(simhash);
  sketches_.push_back(std::move(sketch));
  return found;
}

void NearDuplicates::Forget(std::size_t before) {
  if (before <= base_) return;
  before = std::min(before, base_ + hashes_.size());
  hashes_.erase(hashes_.begin(), hashes_.begin() + static_cast<std::ptrdiff_t>(before - base_));
  sketches_.erase(sketches_.begin(), sketches_.begin() + static_cast<std::ptrdiff_t>(before - base_));
  for (auto it = by_shingle_.begin(); it != by_shingle_.end();) {
    std::erase_if(it->second, [&](std::uint32_t i) { return i < before; });
    it = it->second.empty() ? by_shingle_.erase(it) : std::next(it);
  }
  base_ = before;
  for (auto& bucket : buckets_) {
    std::erase_if(bucket, [&](std::uint32_t i) { return i < before; });
    if (bucket.empty()) std::vector<std::uint32_t>().swap(bucket);
  }
}

}  // namespace sitrep::stories
