// Cheap 64-bit feature keys. A feature is a template number plus one to
// three already-hashed values; combining them with integer mixing (no
// strings) keeps feature extraction allocation-free on the hot path.
#pragma once

#include <cstdint>

namespace sitrep::syntax {

inline std::uint64_t Mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

inline std::uint64_t Feat(std::uint64_t tmpl, std::uint64_t a) {
  return Mix64(tmpl * 0x9E3779B97F4A7C15ULL ^ Mix64(a + 0x51ed27));
}
inline std::uint64_t Feat(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b) {
  return Mix64(Feat(tmpl, a) + 0x2545F4914F6CDD1DULL * (b + 1));
}
inline std::uint64_t Feat(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return Mix64(Feat(tmpl, a, b) + 0x94D049BB133111EBULL * (c + 1));
}

}  // namespace sitrep::syntax
