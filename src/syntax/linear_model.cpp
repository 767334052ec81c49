#include "syntax/linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sitrep::syntax {
namespace {
inline std::uint32_t Fingerprint(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32) | 1u; }
inline std::uint64_t NonZero(std::uint64_t key) { return key ? key : 0x9E3779B97F4A7C15ULL; }

// Beyond this many classes rows stay sparse: a dense row would be long and
// the accumulator too large for the stack.
constexpr std::uint32_t kMaxDenseClasses = 1024;
// At most this many weights in a file: every offset of the in-memory
// layout, whose dense rows can be up to 19 times longer than their file
// form, then fits in 32 bits.
constexpr std::size_t kMaxEntries = 100'000'000;

// Sixteen classes per step: stride is a multiple of 16, and the fixed
// inner count lets the compiler vectorise the widening adds.
inline void AddDense(std::int32_t* __restrict acc, const std::int16_t* __restrict w, std::size_t stride) {
  for (const std::int16_t* stop = w + stride; w != stop; w += 16, acc += 16) {
    for (std::size_t j = 0; j < 16; ++j) acc[j] += w[j];
  }
}
}  // namespace

void LinearModel::Score(const std::uint64_t* feats, std::size_t n, std::int32_t* scores) const {
  const std::uint32_t stride = stride_;
  alignas(64) std::int32_t acc[kMaxDenseClasses];
  std::int32_t* sum = stride ? acc : scores;
  std::memset(sum, 0, sizeof(std::int32_t) * (stride ? stride : num_classes_));
  if (slots_.empty()) {
    if (stride) std::memcpy(scores, acc, sizeof(std::int32_t) * num_classes_);
    return;
  }
  const Slot* slots = slots_.data();
  const std::int16_t* words = words_.data();
  // Scoring is bound by cache misses on a table of many megabytes, so the
  // loads for all features are issued before any is used: the misses then
  // overlap instead of queueing one after another.
  constexpr std::size_t kBatch = 128;
  std::uint32_t begin[kBatch], end[kBatch];
  for (std::size_t base = 0; base < n; base += kBatch) {
    const std::size_t m = std::min(kBatch, n - base);
    for (std::size_t i = 0; i < m; ++i) __builtin_prefetch(slots + (feats[base + i] & mask_));
    std::size_t found = 0;
    for (std::size_t i = 0; i < m; ++i) {
      const std::uint64_t key = feats[base + i];
      const std::uint32_t want = Fingerprint(key);
      for (std::uint64_t slot = key & mask_;; slot = (slot + 1) & mask_) {
        const std::uint32_t f = slots[slot].fp;
        if (f == want) {
          begin[found] = slots[slot].begin;
          end[found] = slots[slot + 1].begin;
          // Every cache line of the row: a dense row spans several.
          for (std::uint32_t o = begin[found]; o < end[found]; o += 32) __builtin_prefetch(words + o);
          ++found;
          break;
        }
        if (f == 0) break;
      }
    }
    for (std::size_t i = 0; i < found; ++i) {
      const std::int16_t* w = words + begin[i];
      const std::uint32_t len = end[i] - begin[i];
      if (len == stride) {
        AddDense(sum, w, stride);
      } else {
        for (std::uint32_t j = 0; j < len; j += 2) sum[static_cast<std::uint16_t>(w[j])] += w[j + 1];
      }
    }
  }
  if (stride) std::memcpy(scores, acc, sizeof(std::int32_t) * num_classes_);
}

std::size_t LinearModel::bytes() const { return slots_.size() * sizeof(Slot) + words_.size() * sizeof(std::int16_t); }

void LinearModel::Build(const std::vector<Slot>& slots, const std::vector<Entry>& entries) {
  stride_ = num_classes_ <= kMaxDenseClasses ? (num_classes_ + 15) / 16 * 16 : 0;
  // Dense from a quarter of the classes: then 2k < stride_ for every
  // sparse row, which keeps the two kinds apart by length.
  auto dense = [&](std::size_t k) { return stride_ != 0 && k > 0 && k * 4 >= num_classes_; };
  slots_.assign(slots.size(), Slot{0, 0});
  std::size_t at = 0;
  for (std::size_t s = 0; s + 1 < slots.size(); ++s) {
    slots_[s] = Slot{slots[s].fp, static_cast<std::uint32_t>(at)};
    const std::size_t k = slots[s + 1].begin - slots[s].begin;
    at += dense(k) ? stride_ : 2 * k;
  }
  slots_.back() = Slot{slots.back().fp, static_cast<std::uint32_t>(at)};
  words_.assign(at, 0);
  for (std::size_t s = 0; s + 1 < slots.size(); ++s) {
    const Entry* row = entries.data() + slots[s].begin;
    const std::size_t k = slots[s + 1].begin - slots[s].begin;
    std::int16_t* out = words_.data() + slots_[s].begin;
    if (dense(k)) {
      for (std::size_t j = 0; j < k; ++j) out[row[j].cls] = row[j].w;
    } else {
      for (std::size_t j = 0; j < k; ++j) {
        out[2 * j] = static_cast<std::int16_t>(row[j].cls);
        out[2 * j + 1] = row[j].w;
      }
    }
  }
}

void LinearModel::Save(ModelWriter& w) const {
  std::vector<Slot> slots(slots_.size(), Slot{0, 0});
  std::vector<Entry> entries;
  for (std::size_t s = 0; s + 1 < slots_.size(); ++s) {
    slots[s] = Slot{slots_[s].fp, static_cast<std::uint32_t>(entries.size())};
    const std::int16_t* row = words_.data() + slots_[s].begin;
    const std::uint32_t len = slots_[s + 1].begin - slots_[s].begin;
    if (stride_ != 0 && len == stride_) {
      for (std::uint32_t c = 0; c < num_classes_; ++c) {
        if (row[c] != 0) entries.push_back({static_cast<std::uint16_t>(c), row[c]});
      }
    } else {
      for (std::uint32_t j = 0; j < len; j += 2) entries.push_back({static_cast<std::uint16_t>(row[j]), row[j + 1]});
    }
  }
  if (!slots_.empty()) slots.back() = Slot{slots_.back().fp, static_cast<std::uint32_t>(entries.size())};
  w.U32(num_classes_);
  w.U64(num_features_);
  w.U64(mask_);
  w.Array(slots);
  w.Array(entries);
}

void LinearModel::Load(ModelReader& r) {
  num_classes_ = r.U32();
  num_features_ = r.U64();
  mask_ = r.U64();
  const std::vector<Slot> slots = r.Array<Slot>();
  const std::vector<Entry> entries = r.Array<Entry>();
  // Every index Score() follows must be in range, so a damaged table that
  // slipped past the checksum still cannot read out of bounds.
  if (num_classes_ == 0 || num_classes_ > 65535) r.Fail("bad class count");
  if (mask_ == 0 || mask_ > (std::uint64_t{1} << 40) || ((mask_ + 1) & mask_) != 0 || slots.size() != mask_ + 2) {
    r.Fail("bad feature table size");
  }
  if (entries.size() > kMaxEntries) r.Fail("too many weights");
  std::size_t empty = 0;
  for (std::size_t i = 0; i + 1 < slots.size(); ++i) {
    if (slots[i].begin > slots[i + 1].begin) r.Fail("feature offsets out of order");
    if (slots[i].fp == 0) ++empty;
  }
  if (empty == 0) r.Fail("feature table has no empty slot");
  if (slots.back().begin != entries.size()) r.Fail("feature offsets do not match the weights");
  for (const Entry& e : entries) {
    if (e.cls >= num_classes_) r.Fail("weight for a class out of range");
  }
  Build(slots, entries);
}

PerceptronTrainer::PerceptronTrainer(std::uint32_t num_classes)
    : num_classes_(num_classes), keys_(1 << 16, 0), slot_row_(1 << 16, 0) {}

std::int64_t PerceptronTrainer::Find(std::uint64_t key) const {
  key = NonZero(key);
  std::uint64_t mask = keys_.size() - 1;
  for (std::uint64_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return slot_row_[slot];
    if (keys_[slot] == 0) return -1;
  }
}

void PerceptronTrainer::Grow() {
  std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
  std::vector<std::uint32_t> rows(keys.size(), 0);
  std::uint64_t mask = keys.size() - 1;
  for (std::size_t r = 0; r < row_key_.size(); ++r) {
    std::uint64_t slot = row_key_[r] & mask;
    while (keys[slot] != 0) slot = (slot + 1) & mask;
    keys[slot] = row_key_[r];
    rows[slot] = static_cast<std::uint32_t>(r);
  }
  keys_.swap(keys);
  slot_row_.swap(rows);
}

std::uint32_t PerceptronTrainer::FindOrAdd(std::uint64_t key) {
  key = NonZero(key);
  if ((row_key_.size() + 1) * 2 > keys_.size()) Grow();
  std::uint64_t mask = keys_.size() - 1;
  std::uint64_t slot = key & mask;
  for (;; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return slot_row_[slot];
    if (keys_[slot] == 0) break;
  }
  keys_[slot] = key;
  slot_row_[slot] = static_cast<std::uint32_t>(rows_.size());
  row_key_.push_back(key);
  rows_.emplace_back();
  row_updates_.push_back(0);
  return slot_row_[slot];
}

void PerceptronTrainer::Score(const std::uint64_t* feats, std::size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t r = Find(feats[i]);
    if (r < 0) continue;
    for (const Cell& c : rows_[r]) scores[c.cls] += c.w;
  }
}

void PerceptronTrainer::Update(const std::uint64_t* feats, std::size_t n, std::uint32_t truth,
                               std::uint32_t guess) {
  if (truth == guess) return;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t r = FindOrAdd(feats[i]);
    ++row_updates_[r];
    std::vector<Cell>& row = rows_[r];
    Bump(row, truth, 1.0f);
    Bump(row, guess, -1.0f);
  }
}

void PerceptronTrainer::Bump(std::vector<Cell>& row, std::uint32_t cls, float delta) {
  auto it = std::find_if(row.begin(), row.end(), [cls](const Cell& c) { return c.cls == cls; });
  if (it == row.end()) {
    row.push_back({cls, 0.0f, 0.0, clock_});
    it = row.end() - 1;
  }
  it->total += static_cast<double>(clock_ - it->stamp) * it->w;
  it->stamp = clock_;
  it->w += delta;
}

void PerceptronTrainer::Restart() {
  for (auto& row : rows_) {
    for (Cell& c : row) {
      c.total += static_cast<double>(clock_ - c.stamp) * c.w;
      c.stamp = clock_;
      c.w = 0.0f;
    }
  }
}

void PerceptronTrainer::Add(const std::uint64_t* feats, std::size_t n, std::uint32_t cls, float delta) {
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t r = FindOrAdd(feats[i]);
    ++row_updates_[r];
    Bump(rows_[r], cls, delta);
  }
}

LinearModel PerceptronTrainer::Finish(std::uint32_t min_updates) const {
  // Average, then find the scale that maps the largest weight to int16.
  std::vector<std::vector<std::pair<std::uint16_t, float>>> avg(rows_.size());
  float max_abs = 1e-6f;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    for (const Cell& c : rows_[r]) {
      double total = c.total + static_cast<double>(clock_ - c.stamp) * c.w;
      float a = static_cast<float>(total / static_cast<double>(clock_));
      avg[r].push_back({static_cast<std::uint16_t>(c.cls), a});
      max_abs = std::max(max_abs, std::fabs(a));
    }
  }
  float scale = 32767.0f / max_abs;
  LinearModel m;
  m.num_classes_ = num_classes_;
  std::vector<std::pair<std::uint64_t, std::vector<LinearModel::Entry>>> kept;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    if (row_updates_[r] < min_updates) continue;
    std::vector<LinearModel::Entry> es;
    for (auto [cls, a] : avg[r]) {
      long q = std::lround(a * scale);
      if (q != 0) es.push_back({cls, static_cast<std::int16_t>(std::clamp(q, -32767L, 32767L))});
    }
    if (es.empty()) continue;
    std::sort(es.begin(), es.end(), [](auto& x, auto& y) { return x.cls < y.cls; });
    kept.emplace_back(row_key_[r], std::move(es));
  }
  std::uint64_t slots = 16;
  // Load factor <= 0.8: lookups stay short (fingerprints, linear probing)
  // and a model just over 3/4 of a power of two does not double its table.
  while (slots * 4 < kept.size() * 5 + 5) slots *= 2;
  m.mask_ = slots - 1;
  m.num_features_ = kept.size();
  std::vector<LinearModel::Slot> table(slots + 1, LinearModel::Slot{0, 0});
  std::vector<LinearModel::Entry> entries;
  std::vector<std::int64_t> slot_of(slots, -1);
  for (std::size_t k = 0; k < kept.size(); ++k) {
    std::uint64_t slot = kept[k].first & m.mask_;
    while (table[slot].fp != 0) slot = (slot + 1) & m.mask_;
    table[slot].fp = Fingerprint(kept[k].first);
    slot_of[slot] = static_cast<std::int64_t>(k);
  }
  for (std::uint64_t s = 0; s < slots; ++s) {
    table[s].begin = static_cast<std::uint32_t>(entries.size());
    if (slot_of[s] >= 0) {
      for (const auto& e : kept[slot_of[s]].second) entries.push_back(e);
    }
  }
  table[slots].begin = static_cast<std::uint32_t>(entries.size());
  m.Build(table, entries);
  return m;
}

}  // namespace sitrep::syntax
