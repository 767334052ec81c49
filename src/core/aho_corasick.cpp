#include "core/aho_corasick.h"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace sitrep {

std::uint32_t AhoCorasick::Add(std::string_view pattern) {
  patterns_.emplace_back(pattern);
  return static_cast<std::uint32_t>(patterns_.size() - 1);
}

void AhoCorasick::Build() {
  for (const auto& p : patterns_) {
    for (unsigned char c : p) {
      if (byte_class_[c] == 0) byte_class_[c] = static_cast<std::uint8_t>(classes_++);
    }
  }
  // Trie with goto over classes; -1 (as max) marks a missing edge.
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::vector<std::uint32_t> go(classes_, kNone);
  std::vector<std::vector<std::uint32_t>> outputs(1);
  for (std::uint32_t pi = 0; pi < patterns_.size(); ++pi) {
    std::uint32_t s = 0;
    for (unsigned char c : patterns_[pi]) {
      std::uint32_t k = byte_class_[c];
      if (go[s * classes_ + k] == kNone) {
        go[s * classes_ + k] = static_cast<std::uint32_t>(outputs.size());
        outputs.emplace_back();
        go.resize(outputs.size() * classes_, kNone);
      }
      s = go[s * classes_ + k];
    }
    outputs[s].push_back(pi);
  }
  const std::size_t n = outputs.size();
  depth_.assign(n, 0);
  for (std::size_t s = 0; s < n; ++s) {
    for (std::uint32_t k = 1; k < classes_; ++k) {
      std::uint32_t t = go[s * classes_ + k];
      if (t != kNone) depth_[t] = depth_[s] + 1;  // children are numbered after their parent
    }
  }
  std::vector<std::uint32_t> fail(n, 0);
  delta_.assign(n * classes_, 0);
  std::deque<std::uint32_t> queue;
  for (std::uint32_t k = 0; k < classes_; ++k) {
    std::uint32_t t = go[k];
    if (t != kNone && k != 0) {
      delta_[k] = t;
      queue.push_back(t);
    }
  }
  while (!queue.empty()) {
    std::uint32_t s = queue.front();
    queue.pop_front();
    for (std::uint32_t p : outputs[fail[s]]) outputs[s].push_back(p);
    for (std::uint32_t k = 0; k < classes_; ++k) {
      std::uint32_t t = go[s * classes_ + k];
      if (t != kNone && k != 0) {
        fail[t] = delta_[fail[s] * classes_ + k];
        delta_[s * classes_ + k] = t;
        queue.push_back(t);
      } else {
        delta_[s * classes_ + k] = delta_[fail[s] * classes_ + k];
      }
    }
  }
  out_begin_.assign(n + 1, 0);
  out_patterns_.clear();
  for (std::size_t s = 0; s < n; ++s) {
    out_begin_[s] = static_cast<std::uint32_t>(out_patterns_.size());
    out_patterns_.insert(out_patterns_.end(), outputs[s].begin(), outputs[s].end());
  }
  out_begin_[n] = static_cast<std::uint32_t>(out_patterns_.size());
  if (delta_.size() >= kHasOutput) throw std::length_error("AhoCorasick: automaton too large");
  min_length_ = patterns_.empty() ? 0 : patterns_[0].size();
  for (const auto& p : patterns_) min_length_ = std::min(min_length_, p.size());
  skip_.clear();
  if (min_length_ >= kMinSkipLength && min_length_ <= 255) {
    // skip_[pair] = how far the window may move when its last two bytes
    // are that pair: the distance from the pair's last place in some
    // pattern's first min_length_ bytes to the window's end, or
    // min_length_ - 1 when no pattern has the pair there.
    const std::size_t m = min_length_;
    skip_.assign(static_cast<std::size_t>(classes_) * classes_, static_cast<std::uint8_t>(m - 1));
    for (const auto& p : patterns_) {
      for (std::size_t j = 1; j < m; ++j) {
        std::size_t pair = byte_class_[static_cast<unsigned char>(p[j - 1])] * classes_ +
                           byte_class_[static_cast<unsigned char>(p[j])];
        skip_[pair] = std::min(skip_[pair], static_cast<std::uint8_t>(m - 1 - j));
      }
    }
  }
  next_.resize(delta_.size());
  for (std::size_t k = 0; k < delta_.size(); ++k) {
    std::uint32_t t = delta_[k];
    next_[k] = t * classes_ | (out_begin_[t] != out_begin_[t + 1] ? kHasOutput : 0u);
  }
}

void AhoCorasick::FindAll(std::string_view text, std::vector<Match>* out) const {
  if (!skip_.empty()) {
    const std::size_t m = min_length_, n = text.size();
    const std::size_t first = out->size();
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t pos = m - 1; pos < n;) {
      const std::uint8_t shift = skip_[byte_class_[bytes[pos - 1]] * classes_ + byte_class_[bytes[pos]]];
      if (shift != 0) {
        pos += shift;
        continue;
      }
      WalkFrom(text, pos + 1 - m, out);
      ++pos;
    }
    // Found by start; the contract is the automaton's order: by end, and
    // at one end the longest first, then in order of addition.
    if (out->size() - first > 1) {
      std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(), [](const Match& a, const Match& b) {
        return a.end != b.end ? a.end < b.end : a.begin != b.begin ? a.begin < b.begin : a.pattern < b.pattern;
      });
    }
    return;
  }
  std::uint32_t s = 0;  // premultiplied state
  const std::uint32_t* next = next_.data();
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::uint32_t e = next[s + byte_class_[static_cast<unsigned char>(text[i])]];
    s = e & ~kHasOutput;
    if (!(e & kHasOutput)) continue;
    const std::uint32_t state = s / classes_;
    for (std::uint32_t k = out_begin_[state]; k < out_begin_[state + 1]; ++k) {
      std::uint32_t p = out_patterns_[k];
      auto end = static_cast<std::uint32_t>(i + 1);
      out->push_back({p, end - static_cast<std::uint32_t>(patterns_[p].size()), end});
    }
  }
}

void AhoCorasick::FindPrefixes(std::string_view text, std::vector<Match>* out) const { WalkFrom(text, 0, out); }

void AhoCorasick::WalkFrom(std::string_view text, std::size_t start, std::vector<Match>* out) const {
  std::uint32_t s = 0;
  for (std::size_t i = start; i < text.size(); ++i) {
    const std::uint32_t k = byte_class_[static_cast<unsigned char>(text[i])];
    if (k == 0) return;  // a byte no pattern has
    s = delta_[s * classes_ + k];
    const auto length = static_cast<std::uint32_t>(i + 1 - start);
    if (depth_[s] != length) return;  // fell off the trie: no longer pattern fits at start
    // The state's output list also holds shorter patterns that end here
    // (dictionary links); only the one as long as the walk begins at start.
    for (std::uint32_t o = out_begin_[s]; o < out_begin_[s + 1]; ++o) {
      std::uint32_t p = out_patterns_[o];
      if (patterns_[p].size() == length) {
        out->push_back({p, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i + 1)});
      }
    }
  }
}

}  // namespace sitrep
