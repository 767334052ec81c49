#include "core/aho_corasick.h"

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
  next_.resize(delta_.size());
  for (std::size_t k = 0; k < delta_.size(); ++k) {
    std::uint32_t t = delta_[k];
    next_[k] = t * classes_ | (out_begin_[t] != out_begin_[t + 1] ? kHasOutput : 0u);
  }
}

void AhoCorasick::FindAll(std::string_view text, std::vector<Match>* out) const {
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

}  // namespace sitrep
