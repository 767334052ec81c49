// Content hashes for stable ids. XXH3-64 is fast enough for every byte of
// every article and stable across platforms and releases of xxhash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

std::uint64_t Hash64(std::string_view bytes, std::uint64_t seed = 0);

// 16 lowercase hex digits.
std::string Hex64(std::uint64_t v);

// An id with a one-letter kind prefix ("a" article, "e" entity, ...) and
// the hash of `key` in hex, e.g. "a3f9c0d1e2b4a5968".
std::string MakeId(char kind, std::string_view key);

}  // namespace sitrep
