#include "core/aho_corasick.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <deque>
#include <stdexcept>

namespace sitrep {

namespace {
// Four bytes from p as one integer (the same for the patterns and the text,
// so the byte order does not matter).
inline std::uint32_t Load4(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
}  // namespace

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
  // The trie for walks: each node's own patterns (before the dictionary
  // links below add shorter ones), and its edges premultiplied and flagged.
  own_begin_.assign(n + 1, 0);
  own_patterns_.clear();
  for (std::size_t s = 0; s < n; ++s) {
    own_begin_[s] = static_cast<std::uint32_t>(own_patterns_.size());
    own_patterns_.insert(own_patterns_.end(), outputs[s].begin(), outputs[s].end());
  }
  own_begin_[n] = static_cast<std::uint32_t>(own_patterns_.size());
  if (n >= kHasOutput) throw std::length_error("AhoCorasick: automaton too large");
  const auto child = [&](std::uint32_t t) { return t | (own_begin_[t] != own_begin_[t + 1] ? kHasOutput : 0u); };
  edge_begin_.assign(n + 1, 0);
  edge_class_.clear();
  edge_child_.clear();
  for (std::size_t s = 0; s < n; ++s) {
    edge_begin_[s] = static_cast<std::uint32_t>(edge_class_.size());
    for (std::uint32_t k = 1; k < classes_; ++k) {
      const std::uint32_t t = go[s * classes_ + k];
      if (t == kNone) continue;
      edge_class_.push_back(static_cast<std::uint8_t>(k));
      edge_child_.push_back(child(t));
    }
  }
  edge_begin_[n] = static_cast<std::uint32_t>(edge_class_.size());
  for (int b = 0; b < 256; ++b) {
    const std::uint32_t k = byte_class_[b];
    root_child_[b] = k != 0 && go[k] != kNone ? child(go[k]) : kNoEdge;
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
  std::size_t min_length = patterns_.empty() ? 0 : patterns_[0].size();
  for (const auto& p : patterns_) min_length = std::min(min_length, p.size());
  filter_.clear();
  only_first_byte_ = -1;
  if (min_length >= kMinFilterLength) {
    stride_ = std::min(min_length - kGram + 1, kMaxStride);
    filter_.assign((std::size_t{1} << kFilterBits) / 64, 0);
    for (const auto& p : patterns_) {
      for (std::size_t j = 0; j < stride_; ++j) {
        const std::uint32_t h = FilterHash(Load4(p.data() + j));
        filter_[h / 64] |= std::uint64_t{1} << (h % 64);
      }
    }
  } else if (min_length > 0) {
    only_first_byte_ = static_cast<unsigned char>(patterns_[0][0]);
    for (const auto& p : patterns_) {
      if (static_cast<unsigned char>(p[0]) != only_first_byte_) only_first_byte_ = -1;
    }
  }
  next_.resize(delta_.size());
  for (std::size_t k = 0; k < delta_.size(); ++k) {
    std::uint32_t t = delta_[k];
    next_[k] = t * classes_ | (out_begin_[t] != out_begin_[t + 1] ? kHasOutput : 0u);
  }
}

void AhoCorasick::FindAll(std::string_view text, std::vector<Match>* out) const {
  const std::size_t first = out->size();
  const std::size_t n = text.size();
  if (!filter_.empty()) {
    const std::uint64_t* filter = filter_.data();
    const std::size_t s = stride_;
    for (std::size_t t = 0; t + kGram <= n; t += s) {
      const std::uint32_t h = FilterHash(Load4(text.data() + t));
      if (!((filter[h / 64] >> (h % 64)) & 1)) continue;
      for (std::size_t p = t >= s - 1 ? t - (s - 1) : 0; p <= t; ++p) {
        // Most candidate starts hold no pattern's first byte: no call.
        if (root_child_[static_cast<unsigned char>(text[p])] != kNoEdge) WalkFrom(text, p, out);
      }
    }
  } else if (only_first_byte_ >= 0) {
    const char* data = text.data();
    for (const void* at = n > 0 ? std::memchr(data, only_first_byte_, n) : nullptr; at != nullptr;) {
      const auto p = static_cast<std::size_t>(static_cast<const char*>(at) - data);
      WalkFrom(text, p, out);
      at = p + 1 < n ? std::memchr(data + p + 1, only_first_byte_, n - p - 1) : nullptr;
    }
  } else {
    std::uint32_t s = 0;  // premultiplied state
    const std::uint32_t* next = next_.data();
    for (std::size_t i = 0; i < n; ++i) {
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
    return;
  }
  // Found by start; the contract is the automaton's order: by end, and at
  // one end the longest first, then in order of addition.
  if (out->size() - first > 1) {
    std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(), [](const Match& a, const Match& b) {
      return a.end != b.end ? a.end < b.end : a.begin != b.begin ? a.begin < b.begin : a.pattern < b.pattern;
    });
  }
}

void AhoCorasick::FindPrefixes(std::string_view text, std::vector<Match>* out) const { WalkFrom(text, 0, out); }

void AhoCorasick::EmitOwn(std::uint32_t child, std::size_t start, std::size_t end, std::vector<Match>* out) const {
  const std::uint32_t node = child & ~kHasOutput;
  for (std::uint32_t o = own_begin_[node]; o < own_begin_[node + 1]; ++o) {
    out->push_back({own_patterns_[o], static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
  }
}

void AhoCorasick::WalkFrom(std::string_view text, std::size_t start, std::vector<Match>* out) const {
  if (start >= text.size()) return;
  std::uint32_t t = root_child_[static_cast<unsigned char>(text[start])];
  if (t == kNoEdge) return;
  if (t & kHasOutput) EmitOwn(t, start, start + 1, out);
  const std::uint8_t* edge_class = edge_class_.data();
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    // Class 0 (a byte no pattern has) is on no edge either.
    const std::uint8_t k = byte_class_[static_cast<unsigned char>(text[i])];
    const std::uint32_t node = t & ~kHasOutput;
    std::uint32_t e = edge_begin_[node];
    const std::uint32_t last = edge_begin_[node + 1];
    while (e < last && edge_class[e] != k) ++e;
    if (e == last) return;  // off the trie: no longer pattern fits at start
    t = edge_child_[e];
    if (t & kHasOutput) EmitOwn(t, start, i + 1, out);
  }
}

}  // namespace sitrep
