// LinearModel keeps weights in memory in another layout than in its file
// (rows with many classes dense, the rest sparse). These tests check its
// scores against a plain reference that reads the file form, and that the
// file form survives the trip through memory byte for byte.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "syntax/linear_model.h"
#include "syntax/model_io.h"

namespace sitrep::syntax {
namespace {

struct FileSlot {
  std::uint32_t fp;
  std::uint32_t begin;
};
struct FileEntry {
  std::uint16_t cls;
  std::int16_t w;
};

// The file form of a model, read independently of LinearModel.
struct FileForm {
  std::uint32_t num_classes = 0;
  std::uint64_t mask = 0;
  std::vector<FileSlot> slots;
  std::vector<FileEntry> entries;

  // Straightforward scoring: find each key by linear probing on its
  // fingerprint and add its row.
  std::vector<std::int32_t> Score(const std::vector<std::uint64_t>& keys) const {
    std::vector<std::int32_t> s(num_classes, 0);
    for (std::uint64_t key : keys) {
      const std::uint32_t fp = static_cast<std::uint32_t>(key >> 32) | 1u;
      for (std::uint64_t slot = key & mask;; slot = (slot + 1) & mask) {
        if (slots[slot].fp == fp) {
          for (std::uint32_t e = slots[slot].begin; e < slots[slot + 1].begin; ++e) s[entries[e].cls] += entries[e].w;
          break;
        }
        if (slots[slot].fp == 0) break;
      }
    }
    return s;
  }
};

std::string Bytes(const LinearModel& m) {
  ModelWriter w;
  m.Save(w);
  return w.Finish(ModelKind::kTagger);
}

FileForm Read(const std::string& bytes) {
  ModelReader r(bytes, ModelKind::kTagger, "test model");
  FileForm f;
  f.num_classes = r.U32();
  r.U64();
  f.mask = r.U64();
  f.slots = r.Array<FileSlot>();
  f.entries = r.Array<FileEntry>();
  return f;
}

// Trains on random updates: a few features updated with almost every
// class (they become dense rows), many with one or two (sparse rows).
LinearModel Train(std::uint32_t classes, std::uint32_t seed) {
  PerceptronTrainer t(classes);
  std::mt19937_64 rng(seed);
  for (int step = 0; step < 4000; ++step) {
    std::vector<std::uint64_t> feats = {1, 2, 3 + static_cast<std::uint64_t>(step % 5)};
    for (int k = 0; k < 4; ++k) feats.push_back(1000 + rng() % 3000);
    const auto truth = static_cast<std::uint32_t>(rng() % classes);
    const auto guess = static_cast<std::uint32_t>(rng() % classes);
    t.Update(feats.data(), feats.size(), truth, guess);
    t.Tick();
  }
  return t.Finish();
}

std::vector<std::vector<std::uint64_t>> Queries(std::uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::vector<std::uint64_t>> qs;
  for (int q = 0; q < 200; ++q) {
    // Known features, unknown ones, and repeats of one feature.
    std::vector<std::uint64_t> keys = {1, 2, 3 + static_cast<std::uint64_t>(q % 5), 1, 999'999 + rng() % 1000};
    const int n = q % 150;  // more than one batch of lookups for some
    for (int k = 0; k < n; ++k) keys.push_back(1000 + rng() % 3000);
    qs.push_back(std::move(keys));
  }
  return qs;
}

void ExpectScoresMatchFileForm(std::uint32_t classes) {
  const LinearModel m = Train(classes, classes);
  const std::string bytes = Bytes(m);
  const FileForm ref = Read(bytes);
  ASSERT_EQ(ref.num_classes, classes);
  std::size_t dense_rows = 0, sparse_rows = 0;
  for (std::size_t s = 0; s + 1 < ref.slots.size(); ++s) {
    const std::uint32_t k = ref.slots[s + 1].begin - ref.slots[s].begin;
    if (k == 0) continue;
    (k * 4 >= classes ? dense_rows : sparse_rows) += 1;
  }
  if (classes <= 1024) {
    EXPECT_GT(dense_rows, 0u) << "the test should cover dense rows";
  }
  EXPECT_GT(sparse_rows, 0u) << "the test should cover sparse rows";

  std::vector<std::int32_t> got(classes + 1, -7);
  for (const auto& keys : Queries(classes)) {
    m.Score(keys.data(), keys.size(), got.data());
    const auto want = ref.Score(keys);
    for (std::uint32_t c = 0; c < classes; ++c) ASSERT_EQ(got[c], want[c]) << "class " << c;
    EXPECT_EQ(got[classes], -7) << "Score wrote past num_classes";
  }
}

TEST(LinearModel, ScoresMatchTheFileFormWithFewClasses) { ExpectScoresMatchFileForm(9); }
TEST(LinearModel, ScoresMatchTheFileFormWithAParsersClasses) { ExpectScoresMatchFileForm(103); }
TEST(LinearModel, ScoresMatchTheFileFormWithTooManyClassesForDenseRows) { ExpectScoresMatchFileForm(1500); }

TEST(LinearModel, FileFormSurvivesLoadAndSaveByteForByte) {
  for (std::uint32_t classes : {5u, 16u, 17u, 103u, 1500u}) {
    const std::string bytes = Bytes(Train(classes, 7));
    ModelReader r(bytes, ModelKind::kTagger, "test model");
    LinearModel loaded;
    loaded.Load(r);
    r.ExpectEnd();
    EXPECT_EQ(Bytes(loaded), bytes) << classes << " classes";
  }
}

}  // namespace
}  // namespace sitrep::syntax
