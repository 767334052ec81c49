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

namespace {

// News text prints quotation marks and apostrophes as typographic
// characters; the treebanks the models learn from mostly use ASCII ones.
// Features see ’ ‘ as ' and “ ” „ as ", so "n’t", "Kessars’" and “ look
// like words the models know. Returns form unchanged (no copy) when it
// has none of them.
std::string_view AsciiQuotes(std::string_view form, std::string& buf) {
  if (form.find('\xE2') == std::string_view::npos) return form;
  buf.clear();
  bool changed = false;
  for (std::size_t i = 0; i < form.size(); ++i) {
    if (form[i] == '\xE2' && i + 2 < form.size() && form[i + 1] == '\x80') {
      unsigned char c = static_cast<unsigned char>(form[i + 2]);
      if (c == 0x98 || c == 0x99) {
        buf.push_back('\'');
        i += 2;
        changed = true;
        continue;
      }
      if (c == 0x9C || c == 0x9D || c == 0x9E) {
        buf.push_back('"');
        i += 2;
        changed = true;
        continue;
      }
    }
    buf.push_back(form[i]);
  }
  return changed ? std::string_view(buf) : form;
}

}  // namespace

void ComputeTokenFeatures(std::string_view raw_form, std::string& lower, TokenFeatures* out, QuoteForms quotes) {
  thread_local std::string ascii;
  std::string_view form = quotes == QuoteForms::kAsAscii ? AsciiQuotes(raw_form, ascii) : raw_form;
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
