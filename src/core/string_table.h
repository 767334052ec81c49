// A table from strings to values for lexicons that are filled once and then
// looked up on every word or line: open addressing over a power-of-two
// array of slots, so a lookup is a short inline hash, a mask and (usually)
// one compare. std::unordered_map divides by a prime bucket count on every
// lookup and hashes with an out-of-line function; on the clean and text
// stages' word lookups those two cost more than the search itself.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// A fast, non-cryptographic hash of s for in-memory tables (not stable
// across releases; never store it). Lexicon words are short: up to 16
// bytes are read as two loads that may overlap (no loop, no copy of a
// variable length), longer strings eight bytes per step.
inline std::uint64_t TableHash(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  const auto load8 = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  const auto load4 = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return static_cast<std::uint64_t>(w);
  };
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = (n + 1) * kMul, a = 0, b = 0;
  if (n > 16) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      h = (h ^ load8(p + i)) * kMul;
      h ^= h >> 29;
    }
    a = load8(p + n - 8);
  } else if (n >= 8) {
    a = load8(p);
    b = load8(p + n - 8);
  } else if (n >= 4) {
    a = load4(p);
    b = load4(p + n - 4);
  } else if (n > 0) {
    const auto byte = [p](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
    a = byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
  }
  h = (h ^ a) * kMul;
  h ^= h >> 29;
  h = (h ^ b) * kMul;
  h ^= h >> 29;
  return h * 0xD6E8FEB86659FD93ULL;
}

template <typename V>
class StringTable {
 public:
  // Inserts key with value unless key is present; returns true if it was
  // inserted (the first value wins, as std::unordered_map::emplace).
  bool Emplace(std::string_view key, V value) {
    if (FindIndex(key) != kNone) return false;
    Insert(key, std::move(value));
    return true;
  }
  // The value of key, inserted value-initialised if absent (as
  // std::unordered_map::operator[]).
  V& operator[](std::string_view key) {
    std::uint32_t i = FindIndex(key);
    if (i == kNone) i = Insert(key, V());
    return values_[i];
  }
  // The value of key, or nullptr.
  const V* Find(std::string_view key) const {
    const std::uint32_t i = FindIndex(key);
    return i == kNone ? nullptr : &values_[i];
  }
  bool Contains(std::string_view key) const { return FindIndex(key) != kNone; }
  std::size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  // A slot holds the key's index + 1 (0: empty) and the high half of its
  // hash, so a probe rejects a different key without reading it.
  struct Slot {
    std::uint32_t index = 0;
    std::uint32_t tag = 0;
  };

  std::uint32_t FindIndex(std::string_view key) const {
    if (slots_.empty() || !ShapeSeen(key)) return kNone;
    const std::uint64_t h = TableHash(key);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.index == 0) return kNone;
      if (s.tag == tag && keys_[s.index - 1] == key) return s.index - 1;
    }
  }

  // A key's shape: its length (capped) and its first byte. Most words of
  // a text have a shape no key of a lexicon has, and a bit test turns them
  // away before the hash.
  static std::size_t Shape(std::string_view key) {
    const std::size_t length = key.size() < kShapeLengths ? key.size() : kShapeLengths - 1;
    const std::size_t first = key.empty() ? 0 : static_cast<unsigned char>(key[0]);
    return length * 256 + first;
  }
  bool ShapeSeen(std::string_view key) const {
    const std::size_t s = Shape(key);
    return (shapes_[s / 64] >> (s % 64)) & 1;
  }

  std::uint32_t Insert(std::string_view key, V value) {
    const std::size_t s = Shape(key);
    shapes_[s / 64] |= std::uint64_t{1} << (s % 64);
    // At most half full, so probes stay short.
    if (2 * (keys_.size() + 1) > slots_.size()) Grow();
    const auto index = static_cast<std::uint32_t>(keys_.size());
    keys_.emplace_back(key);
    values_.push_back(std::move(value));
    Place(index);
    return index;
  }

  void Place(std::uint32_t index) {
    const std::uint64_t h = TableHash(keys_[index]);
    std::size_t i = h & mask_;
    while (slots_[i].index != 0) i = (i + 1) & mask_;
    slots_[i] = {index + 1, static_cast<std::uint32_t>(h >> 32)};
  }

  void Grow() {
    std::size_t n = slots_.empty() ? 16 : 2 * slots_.size();
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (std::uint32_t k = 0; k < keys_.size(); ++k) Place(k);
  }

  std::vector<std::string> keys_;
  std::vector<V> values_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  // The shapes of the keys, one bit per (length, first byte).
  static constexpr std::size_t kShapeLengths = 32;
  std::uint64_t shapes_[kShapeLengths * 256 / 64] = {};
};

}  // namespace sitrep
