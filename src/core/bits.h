// Bit counting without a library call. The build targets baseline x86-64,
// which has no POPCNT instruction: std::popcount there compiles to a call
// into libgcc (through the PLT, libgcc_s being shared), which costs more
// than the count itself on the paths that count bit masks of every 16 or
// 64 bytes of text.
#pragma once

#include <cstdint>

namespace sitrep {

// The number of set bits of x.
inline int Popcount64(std::uint64_t x) {
#if defined(__POPCNT__)
  return __builtin_popcountll(x);
#else
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
#endif
}

}  // namespace sitrep
