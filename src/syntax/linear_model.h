// Averaged-perceptron weights: a trainer that learns them and a compact,
// read-only model that scores with them.
//
// Weights are sparse per feature (a feature seen only with a few classes
// stores only those), held in one open-addressing table keyed by the
// 64-bit feature hash. The frozen model quantises weights to int16, which
// halves the file and lets scoring add integers.
#pragma once

#include <cstdint>
#include <vector>

#include "syntax/huge_page_allocator.h"
#include "syntax/model_io.h"

namespace sitrep::syntax {

// The frozen, shared model. Thread-safe for concurrent Score calls.
class LinearModel {
 public:
  // Sets scores[0..num_classes) to the sum of the weights of `feats`.
  void Score(const std::uint64_t* feats, std::size_t n, std::int32_t* scores) const;
  std::uint32_t num_classes() const { return num_classes_; }
  std::size_t num_features() const { return num_features_; }
  // Bytes the weights take in memory.
  std::size_t bytes() const;

  // Writes the file form: every row sparse, so that files do not depend
  // on the in-memory layout and retraining stays byte for byte.
  void Save(ModelWriter& w) const;
  // Throws CorruptError (through `r`) on inconsistent tables.
  void Load(ModelReader& r);

 private:
  friend class PerceptronTrainer;
  // A weight of the file form: the class and its quantised value.
  struct Entry {
    std::uint16_t cls;
    std::int16_t w;
  };
  // One slot per hash bucket: the key's fingerprint (0 = empty) and where
  // its weights start; a slot's weights end where the next slot's begin.
  // Fingerprint and offset share a cache line, so a lookup costs one miss
  // for the slot and one for the weights.
  struct Slot {
    std::uint32_t fp;
    std::uint32_t begin;
  };
  // Builds the in-memory layout from the file form (already checked).
  void Build(const std::vector<Slot>& slots, const std::vector<Entry>& entries);

  std::uint32_t num_classes_ = 0;
  std::uint64_t num_features_ = 0;
  std::uint64_t mask_ = 0;
  // A row of weights in `words_` is either sparse, (class, weight) pairs,
  // or dense, one weight per class padded to `stride_` (a multiple of 16)
  // classes. Scoring spends most of its time adding the rows of features
  // that carry a weight for a quarter of the classes or more (the bias,
  // tags, common words); as dense rows those are added sixteen classes at
  // a time instead of one scattered class at a time, for no more memory.
  // A sparse row is always shorter than `stride_` words, so a row's length
  // tells which it is. stride_ == 0: every row sparse (many classes).
  std::uint32_t stride_ = 0;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // mask_ + 2 entries; the last is a sentinel
  std::vector<std::int16_t, HugePageAllocator<std::int16_t>> words_;
};

// Learns weights with the averaged perceptron (Collins 2002) using lazy
// averaging timestamps. Not thread-safe.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::uint32_t num_classes);

  // Scores with the current (not averaged) weights.
  void Score(const std::uint64_t* feats, std::size_t n, float* scores) const;
  // Moves weight from `guess` to `truth` for every feature; no-op if equal.
  void Update(const std::uint64_t* feats, std::size_t n, std::uint32_t truth, std::uint32_t guess);
  // Adds `delta` to the weight of `cls` for every feature (one side of an
  // update, for structured training where the two sides have different
  // features).
  void Add(const std::uint64_t* feats, std::size_t n, std::uint32_t cls, float delta);
  // Advances the averaging clock; call once per training instance.
  void Tick() { ++clock_; }
  // Sets the current weights back to zero but keeps their running sums, so
  // that training again from scratch (another shuffle) and then Finish()
  // averages over both runs: an ensemble of equal-length runs in one model.
  void Restart();
  // Returns the averaged, quantised model. Features whose weights all
  // round to zero are dropped.
  // Features updated fewer than `min_updates` times are dropped too: they
  // are mostly noise and would double the model's size.
  LinearModel Finish(std::uint32_t min_updates = 1) const;
  std::size_t num_features() const { return rows_.size(); }

 private:
  struct Cell {
    std::uint32_t cls;
    float w;
    double total;
    std::uint64_t stamp;
  };
  std::int64_t Find(std::uint64_t key) const;
  std::uint32_t FindOrAdd(std::uint64_t key);
  // Adds delta to class cls's weight in row, settling its running total
  // for averaging up to now.
  void Bump(std::vector<Cell>& row, std::uint32_t cls, float delta);
  void Grow();

  std::uint32_t num_classes_;
  std::uint64_t clock_ = 1;
  std::vector<std::uint64_t> keys_;  // 0 = empty (key 0 is remapped)
  std::vector<std::uint32_t> slot_row_;
  std::vector<std::uint64_t> row_key_;
  std::vector<std::vector<Cell>> rows_;
  std::vector<std::uint32_t> row_updates_;
};

}  // namespace sitrep::syntax
