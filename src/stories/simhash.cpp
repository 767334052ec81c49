// Near-duplicate detection: syndicated wire copy and re-published articles
// carry nearly the same words, so their SimHashes differ in few bits.
#include <algorithm>
#include <bit>

#include "core/hash.h"
#include "stories/internal.h"

namespace sitrep::stories {
namespace detail {

std::uint64_t SimHashWords(const std::vector<Word>& words) {
  if (words.size() < 3) return 0;
  int acc[64] = {};
  // A shingle's hash from its words' hashes, so no string is built.
  std::vector<std::uint64_t> wh(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) wh[i] = Hash64(words[i].lower, 0x5157);
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    std::uint64_t h = wh[i] ^ std::rotl(wh[i + 1], 21) ^ std::rotl(wh[i + 2], 42);
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    for (int b = 0; b < 64; ++b) acc[b] += static_cast<int>((h >> b) & 1) * 2 - 1;
  }
  std::uint64_t out = 0;
  for (int b = 0; b < 64; ++b)
    if (acc[b] > 0) out |= std::uint64_t{1} << b;
  return out;
}

}  // namespace detail

std::uint64_t SimHash(std::string_view text) {
  std::vector<detail::Word> words;
  detail::Words(text, 0, static_cast<std::uint32_t>(text.size()), &words);
  return detail::SimHashWords(words);
}

std::int64_t NearDuplicates::Add(std::uint64_t simhash) {
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
  hashes_.push_back(simhash);
  return found;
}

void NearDuplicates::Forget(std::size_t before) {
  if (before <= base_) return;
  before = std::min(before, base_ + hashes_.size());
  hashes_.erase(hashes_.begin(), hashes_.begin() + static_cast<std::ptrdiff_t>(before - base_));
  base_ = before;
  for (auto& bucket : buckets_) {
    std::erase_if(bucket, [&](std::uint32_t i) { return i < before; });
    if (bucket.empty()) std::vector<std::uint32_t>().swap(bucket);
  }
}

}  // namespace sitrep::stories
