#include "core/hash.h"

// XXH3 compiled in here rather than called through the shared library's
// PLT: line keys are short, and for them the call and the library's
// generic entry were a large part of each hash. Same algorithm, same
// values (a test pins some).
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace sitrep {

std::uint64_t Hash64(std::string_view bytes, std::uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string Hex64(std::uint64_t v) {
  static const char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[static_cast<std::size_t>(i)] = kHex[v & 0xF];
    v >>= 4;
  }
  return s;
}

std::string MakeId(char kind, std::string_view key) {
  std::string id(1, kind);
  id += Hex64(Hash64(key));
  return id;
}

}  // namespace sitrep
