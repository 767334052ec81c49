// A small deterministic generator for the randomised tests that check a
// fast path against a plain one: the same seed gives the same cases on
// every machine and library, which std's distributions do not promise.
#pragma once

#include <cstdint>

namespace sitrep::testing {

struct Lcg {
  std::uint64_t seed;
  // The next 31-bit value (Knuth's MMIX multiplier, high bits).
  unsigned operator()() {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(seed >> 33);
  }
};

}  // namespace sitrep::testing
