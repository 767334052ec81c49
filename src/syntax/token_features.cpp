#include "syntax/token_features.h"

#include "core/hash.h"

namespace sitrep::syntax {
namespace {
// Shapes are cut to this many symbols: long tokens (URLs, base64 blobs)
// would otherwise each get a unique shape, which is useless as a feature.
constexpr std::size_t kMaxShape = 12;
}  // namespace

void AsciiLower(std::string_view in, std::string& out) {
  out.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

TokenFeatures PaddingFeatures(bool before) {
  TokenFeatures f;
  std::uint64_t v = before ? 0x5ea7b0f5ULL : 0xe0fe0fULL;
  f.lower = f.form = f.shape = v;
  for (auto& p : f.prefix) p = v;
  for (auto& s : f.suffix) s = v;
  f.flags = 0;
  return f;
}

void ComputeTokenFeatures(std::string_view form, std::string& lower, TokenFeatures* out) {
  AsciiLower(form, lower);
  std::string_view lw(lower);
  out->form = Hash64(form, 1);
  out->lower = Hash64(lw, 2);
  for (std::size_t k = 0; k < 3; ++k) {
    out->prefix[k] = Hash64(lw.substr(0, k + 1), 10 + k);
  }
  for (std::size_t k = 0; k < 4; ++k) {
    std::size_t len = k + 1 < lw.size() ? k + 1 : lw.size();
    out->suffix[k] = Hash64(lw.substr(lw.size() - len), 20 + k);
  }
  char shape[kMaxShape + 1];
  std::size_t sn = 0;
  char last = 0;
  int run = 0;
  std::uint32_t flags = 0;
  bool all_upper = true, any_alpha = false;
  for (std::size_t i = 0; i < form.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    char s;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
      flags |= kHasUpper;
      any_alpha = true;
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
      all_upper = false;
      any_alpha = true;
    } else if (c >= '0' && c <= '9') {
      s = 'd';
      flags |= kHasDigit;
    } else if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte: one symbol per code point
      s = 'u';
      flags |= kNonAscii;
    } else {
      s = static_cast<char>(c);
      if (c == '-') flags |= kHasHyphen;
    }
    if (s == last) {
      if (++run > 2) continue;  // runs collapse to at most 3 symbols
    } else {
      run = 0;
      last = s;
    }
    if (sn < kMaxShape) shape[sn++] = s;
  }
  if (any_alpha) flags |= kHasAlpha;
  if (any_alpha && all_upper) flags |= kAllUpper;
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z' && !(flags & kAllUpper)) flags |= kTitle;
  out->shape = Hash64(std::string_view(shape, sn), 30);
  out->flags = flags;
}

}  // namespace sitrep::syntax
