// A read-only view of one parsed article for the quotes stage: each
// token's sentence, head, children, mention and paragraph, computed once
// so the rules that find quotes and speakers walk the tree by index.
// Internal to the quotes stage.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.h"

namespace sitrep::quotes::internal {

inline constexpr std::int32_t kNone = -1;

inline bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline bool HasAlnum(std::string_view s) {
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

// Read-only views of one article's parse, built once per article.
class Doc {
 public:
  explicit Doc(const Article& a) : a_(a) {
    const std::size_t n = a.tokens.size();
    sent_.assign(n, 0);
    head_.assign(n, kNone);
    first_child_.assign(n, kNone);
    next_sib_.assign(n, kNone);
    mention_.assign(n, kNone);
    para_.assign(n, 0);
    for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
      const Sentence& st = a.sentences[s];
      for (std::uint32_t t = st.first_token; t < st.end_token && t < n; ++t) {
        sent_[t] = s;
        const Token& tok = a.tokens[t];
        if (tok.head >= 0 && st.first_token + static_cast<std::uint32_t>(tok.head) < st.end_token) {
          head_[t] = static_cast<std::int32_t>(st.first_token) + tok.head;
        }
      }
    }
    // Children in reverse so the lists come out in token order.
    for (std::size_t t = n; t-- > 0;) {
      std::int32_t h = head_[t];
      if (h == kNone) continue;
      next_sib_[t] = first_child_[static_cast<std::size_t>(h)];
      first_child_[static_cast<std::size_t>(h)] = static_cast<std::int32_t>(t);
    }
    std::size_t m = 0;
    for (std::size_t t = 0; t < n; ++t) {
      const Token& tok = a.tokens[t];
      while (m < a.mentions.size() && a.mentions[m].end <= tok.begin) ++m;
      if (m < a.mentions.size() && a.mentions[m].begin <= tok.begin && tok.end <= a.mentions[m].end) {
        mention_[t] = static_cast<std::int32_t>(m);
      }
    }
    std::uint32_t para = 0;
    std::size_t t = 0;
    for (std::size_t i = 0; i < a.text.size() && t < n; ++i) {
      while (t < n && a.tokens[t].begin <= i) para_[t++] = para;
      // A blank line between paragraphs is one break, not two.
      if (a.text[i] == '\n' && (i + 1 >= a.text.size() || a.text[i + 1] != '\n')) ++para;
    }
    while (t < n) para_[t++] = para;
  }

  const Article& article() const { return a_; }
  std::size_t size() const { return a_.tokens.size(); }
  const Token& tok(std::int32_t t) const { return a_.tokens[static_cast<std::size_t>(t)]; }
  std::string_view text(std::int32_t t) const { return a_.TokenText(tok(t)); }
  std::string_view deprel(std::int32_t t) const { return tok(t).deprel; }
  std::uint32_t sent(std::int32_t t) const { return sent_[static_cast<std::size_t>(t)]; }
  std::int32_t head(std::int32_t t) const { return head_[static_cast<std::size_t>(t)]; }
  std::int32_t mention(std::int32_t t) const { return mention_[static_cast<std::size_t>(t)]; }
  std::uint32_t para(std::int32_t t) const { return para_[static_cast<std::size_t>(t)]; }
  bool punct(std::int32_t t) const { return tok(t).upos == "PUNCT" || !HasAlnum(text(t)); }

  template <typename Fn>
  void EachChild(std::int32_t t, Fn fn) const {
    for (std::int32_t c = first_child_[static_cast<std::size_t>(t)]; c != kNone; c = next_sib_[static_cast<std::size_t>(c)]) {
      fn(c);
    }
  }
  std::int32_t Child(std::int32_t t, std::string_view rel_prefix) const {
    std::int32_t found = kNone;
    EachChild(t, [&](std::int32_t c) {
      if (found == kNone && StartsWith(deprel(c), rel_prefix)) found = c;
    });
    return found;
  }

  // True if anc dominates t within max_hops steps up the tree.
  bool Dominates(std::int32_t anc, std::int32_t t, int max_hops) const {
    for (int k = 0; k < max_hops && t != kNone; ++k) {
      t = head(t);
      if (t == anc) return true;
    }
    return false;
  }

  // The token range [lo, hi] of t's subtree, leaving out children whose
  // relation `skip` accepts (and their subtrees). Iterative: parses can be
  // deep.
  template <typename Skip>
  std::pair<std::int32_t, std::int32_t> Subtree(std::int32_t t, Skip skip) const {
    std::int32_t lo = t, hi = t;
    stack_.clear();
    stack_.push_back(t);
    while (!stack_.empty()) {
      std::int32_t x = stack_.back();
      stack_.pop_back();
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      EachChild(x, [&](std::int32_t c) {
        if (x == t && skip(c)) return;
        stack_.push_back(c);
      });
    }
    return {lo, hi};
  }
  std::pair<std::int32_t, std::int32_t> Subtree(std::int32_t t) const {
    return Subtree(t, [](std::int32_t) { return false; });
  }

  // The first token that starts at or after byte b (size() if none).
  std::int32_t TokenAt(std::uint32_t b) const {
    auto it = std::lower_bound(a_.tokens.begin(), a_.tokens.end(), b,
                               [](const Token& x, std::uint32_t v) { return x.begin < v; });
    return static_cast<std::int32_t>(it - a_.tokens.begin());
  }

 private:
  const Article& a_;
  std::vector<std::uint32_t> sent_;
  std::vector<std::int32_t> head_, first_child_, next_sib_, mention_;
  std::vector<std::uint32_t> para_;
  mutable std::vector<std::int32_t> stack_;
};

}  // namespace sitrep::quotes::internal
