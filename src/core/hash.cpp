#include "core/hash.h"

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
