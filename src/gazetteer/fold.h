// Folding and hashing of names for the gazetteer (internal).
//
// A name is reduced to the sequence of its letters and digits with case
// and diacritics removed ("Côte d'Ivoire" -> "cotedivoire"), and hashed
// with a polynomial hash modulo 2^61-1. The hash of a concatenation is
// computable from the hashes of its parts, so a multi-token span is hashed
// from per-token hashes without building a string.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep::gazetteer::detail {

inline constexpr std::uint64_t kMod = (std::uint64_t{1} << 61) - 1;
inline constexpr std::uint64_t kBase = 0x1a2b3c4d5e6f789ULL % kMod;

inline std::uint64_t MulMod(std::uint64_t a, std::uint64_t b) {
  __extension__ using U128 = unsigned __int128;
  U128 p = static_cast<U128>(a) * b;
  std::uint64_t lo = static_cast<std::uint64_t>(p) & kMod;
  std::uint64_t hi = static_cast<std::uint64_t>(p >> 61);
  std::uint64_t r = lo + hi;
  return r >= kMod ? r - kMod : r;
}
inline std::uint64_t AddMod(std::uint64_t a, std::uint64_t b) {
  std::uint64_t r = a + b;
  return r >= kMod ? r - kMod : r;
}

// The fold of one piece of text: hashes of its case-insensitive and its
// case-keeping letter/digit streams, with base^length for each so pieces
// can be concatenated.
struct Folded {
  std::uint64_t h = 0;     // case-insensitive
  std::uint64_t pow = 1;   // kBase^len
  std::uint64_t hc = 0;    // case kept
  std::uint64_t powc = 1;
  std::uint32_t len = 0;   // bytes in the case-insensitive stream
  std::uint32_t letters = 0;
  std::uint32_t upper_letters = 0;
  bool first_upper = false;  // the first letter or digit is a capital (or a digit)

  bool empty() const { return len == 0; }
  // Appends `next` (the text that follows this one).
  void Append(const Folded& next) {
    if (next.len == 0) return;
    if (len == 0) first_upper = next.first_upper;
    h = AddMod(MulMod(h, next.pow), next.h);
    pow = MulMod(pow, next.pow);
    hc = AddMod(MulMod(hc, next.powc), next.hc);
    powc = MulMod(powc, next.powc);
    len += next.len;
    letters += next.letters;
    upper_letters += next.upper_letters;
  }
  // Table key: the case-insensitive hash with its length mixed in; never 0.
  std::uint64_t Key() const { return h | (static_cast<std::uint64_t>(len & 3) << 61) | (std::uint64_t{1} << 63); }
  // An acronym: at least two letters, all capitals ("EU", "U.N.").
  bool IsAcronym() const { return letters >= 2 && upper_letters == letters; }
};

// Folds `text`. Thread-safe.
Folded Fold(std::string_view text);

// Calls on_word(begin, end) for each maximal run of letters and digits in
// `text` (byte offsets), the way Fold() sees them.
template <typename F>
void ForEachWord(std::string_view text, F&& on_word);

// True if the code point at text[i] is a letter or digit for Fold();
// advances i past it either way.
bool NextIsWordChar(std::string_view text, std::size_t& i);

template <typename F>
void ForEachWord(std::string_view text, F&& on_word) {
  std::size_t i = 0, start = 0;
  bool in_word = false;
  while (i < text.size()) {
    std::size_t at = i;
    bool w = NextIsWordChar(text, i);
    if (w && !in_word) {
      start = at;
      in_word = true;
    } else if (!w && in_word) {
      on_word(start, at);
      in_word = false;
    }
  }
  if (in_word) on_word(start, text.size());
}

}  // namespace sitrep::gazetteer::detail
