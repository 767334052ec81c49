// `sitrep train ner` and `sitrep eval ner`: the named-entity recogniser,
// trained from IOB column files and GUM CoNLL-U, scored on IOB files.
//
// Scoring is exact span match (type and both boundaries), as conlleval.
// The micro average covers PERSON, ORG and LOC, the types every English
// gold corpus shares; MISC is reported per type when the gold has it.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "core/error.h"
#include "entities/entities.h"
#include "entities/ner_corpus.h"
#include "entities/word_lex.h"
#include "syntax/conllu.h"
#include "syntax/model_io.h"

namespace {

using namespace sitrep::entities;

bool EndsWith(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

std::vector<NerSentence> ReadAny(const std::vector<std::string>& files) {
  std::vector<NerSentence> all;
  for (const auto& f : files) {
    auto s = EndsWith(f, ".conllu") ? ReadGumFile(f) : EndsWith(f, ".xml") ? ReadEcbPlusNerFile(f) : ReadIobFile(f);
    if (!s.empty()) s.front().new_doc = true;
    all.insert(all.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
  }
  return all;
}

double Ratio(std::uint64_t a, std::uint64_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }
double F1(std::uint64_t c, std::uint64_t s, std::uint64_t g) { return s + g ? 2.0 * static_cast<double>(c) / static_cast<double>(s + g) : 0.0; }

struct TrainArgs {
  std::vector<std::string> train, dev;
  std::string out;
  int epochs = 10;
  std::uint64_t seed = 1;
  int tune_every = 0;
  int cv = 0;
  bool cv_errors = false;
  std::string decoder = "viterbi";
  int runs = 1;
  bool two_pass = false;
};

NerTrainOptions Options(const TrainArgs& a, bool verbose) {
  NerTrainOptions o;
  o.epochs = a.epochs;
  o.seed = a.seed;
  o.verbose = verbose;
  o.viterbi = a.decoder == "viterbi";
  o.runs = a.runs;
  return o;
}

// Span counts of one model's labels on gold sentences (rules applied, as
// `eval ner` scores).
NerScore ScoreDocuments(const NerModel& model, std::vector<std::vector<NerToken>> tokens,
                        const std::vector<std::vector<std::uint8_t>>& gold, const std::vector<std::uint32_t>& docs,
                        const std::vector<std::vector<std::string>>* show_errors = nullptr) {
  NerScore score;
  std::vector<std::vector<std::uint8_t>> labels(tokens.size());
  DocLabelScratch scratch;
  std::vector<NerSentenceRef> refs;
  for (std::size_t s = 0; s <= tokens.size(); ++s) {
    if (s == tokens.size() || (s > 0 && docs[s] != docs[s - 1])) {
      model.TagDocument(refs.data(), refs.size(), scratch);
      refs.clear();
      if (s == tokens.size()) break;
    }
    labels[s].resize(tokens[s].size());
    refs.push_back({tokens[s].data(), labels[s].data(), tokens[s].size()});
  }
  for (std::size_t s = 0; s < tokens.size(); ++s) {
    score.Add(gold[s].data(), labels[s].data(), labels[s].size());
    if (!show_errors || labels[s] == gold[s]) continue;
    const auto& words = (*show_errors)[s];
    auto text = [&](const NerSpan& x) {
      std::string t;
      for (std::uint32_t i = x.begin; i < x.end; ++i) t += (i > x.begin ? " " : "") + words[i];
      return t + "/" + std::string(kNerTypes[x.type]);
    };
    std::string sentence;
    for (const auto& w : words) sentence += (sentence.empty() ? "" : " ") + w;
    auto g = SpansFromLabels(gold[s].data(), labels[s].size());
    auto y = SpansFromLabels(labels[s].data(), labels[s].size());
    for (const auto& x : g) {
      if (std::find(y.begin(), y.end(), x) == y.end()) std::printf("MISS\t%s\t%s\n", text(x).c_str(), sentence.c_str());
    }
    for (const auto& x : y) {
      if (std::find(g.begin(), g.end(), x) == g.end()) std::printf("FP\t%s\t%s\n", text(x).c_str(), sentence.c_str());
    }
  }
  return score;
}

// K-fold cross-validation over the documents of the IOB training files
// (document d in fold d mod K); GUM files always stay in training. Prints
// each fold's F1, their mean and the pooled per-type scores.
void CrossValidate(const TrainArgs& a, const NerCorpus& tc, const std::vector<int>& iob_doc) {
  std::vector<int> fold(tc.tokens.size(), -1);
  for (std::size_t s = 0; s < tc.tokens.size(); ++s) {
    if (iob_doc[s] >= 0) fold[s] = iob_doc[s] % a.cv;
  }
  NerScore pooled;
  double sum = 0;
  for (int k = 0; k < a.cv; ++k) {
    NerCorpus tr, te;
    for (std::size_t s = 0; s < tc.tokens.size(); ++s) {
      NerCorpus& c = fold[s] == k ? te : tr;
      c.tokens.push_back(tc.tokens[s]);
      c.labels.push_back(tc.labels[s]);
      c.docs.push_back(tc.docs[s]);
      c.words.push_back(tc.words[s]);
    }
    auto model = TrainNer(tr.tokens, tr.labels, {}, {}, Options(a, false), a.two_pass ? &tr.docs : nullptr);
    NerScore sc = ScoreDocuments(*model, te.tokens, te.labels, te.docs, a.cv_errors ? &te.words : nullptr);
    for (int t = 0; t < kNumNerTypes; ++t) {
      pooled.gold[t] += sc.gold[t];
      pooled.system[t] += sc.system[t];
      pooled.correct[t] += sc.correct[t];
    }
    std::fprintf(stderr, "ner: cv fold %d F1 %.4f\n", k, sc.MicroF1());
    sum += sc.MicroF1();
  }
  std::fprintf(stderr, "ner: cv mean F1 %.4f pooled F1 %.4f", sum / a.cv, pooled.MicroF1());
  for (int t = 0; t < 3; ++t) {
    std::fprintf(stderr, " %s %.4f", std::string(kNerTypes[t]).c_str(),
                 F1(pooled.correct[t], pooled.system[t], pooled.gold[t]));
  }
  std::fprintf(stderr, "\n");
}

int RunTrain(const TrainArgs& a) {
  try {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<NerSentence> train;
    std::vector<bool> iob;  // the sentence comes from an IOB file (cross-validated)
    for (const auto& f : a.train) {
      auto part = ReadAny({f});
      iob.insert(iob.end(), part.size(), !EndsWith(f, ".conllu") && !EndsWith(f, ".xml"));
      train.insert(train.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    // The document of each IOB sentence, counted over the IOB files (-1 for GUM).
    std::vector<int> iob_doc(train.size(), -1);
    {
      int d = -1;
      for (std::size_t s = 0; s < train.size(); ++s) {
        if (iob[s] && (train[s].new_doc || s == 0 || !iob[s - 1])) ++d;
        if (iob[s]) iob_doc[s] = d;
      }
    }
    auto dev = ReadAny(a.dev);
    if (a.tune_every > 0) {
      // Every k-th document of the training files becomes tuning data.
      std::vector<NerSentence> keep;
      int doc = -1;
      for (auto& s : train) {
        if (s.new_doc) ++doc;
        if (doc % a.tune_every == a.tune_every - 1) {
          dev.push_back(std::move(s));
        } else {
          keep.push_back(std::move(s));
        }
      }
      train = std::move(keep);
    }
    sitrep::syntax::SyntaxStage syntax;
    auto tc = PrepareNerCorpus(train, syntax);
    auto dc = PrepareNerCorpus(dev, syntax);
    if (a.cv > 1) {
      SITREP_CHECK(a.tune_every == 0, sitrep::ConfigError, "--cv and --tune-every do not go together");
      CrossValidate(a, tc, iob_doc);
    }
    std::fprintf(stderr, "ner: %zu training sentences (%zu tokens), %zu tuning sentences\n", tc.tokens.size(),
                 tc.token_count, dc.tokens.size());
    auto model = TrainNer(tc.tokens, tc.labels, dc.tokens, dc.labels, Options(a, !dc.tokens.empty()),
                          a.two_pass ? &tc.docs : nullptr, &dc.docs);
    std::string bytes = model->Save();
    sitrep::syntax::WriteFileOrThrow(a.out, bytes);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "ner: wrote %s (%zu bytes) in %.1fs\n", a.out.c_str(), bytes.size(), secs);
    return sitrep::cli::kExitOk;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(e.what());
    return sitrep::cli::kExitUsage;
  }
}

struct EvalArgs {
  std::vector<std::string> gold;
  std::string model;
  bool json = false;
  bool show_errors = false;
  bool no_rules = false;
};

int RunEval(const EvalArgs& a) {
  try {
    auto gold = ReadAny(a.gold);
    std::shared_ptr<const NerModel> loaded = a.model.empty() ? LoadDefaultNer() : LoadNerFromFile(a.model);
    auto copy = std::make_shared<NerModel>(*loaded);
    copy->set_rules(!a.no_rules);
    std::shared_ptr<const NerModel> model = copy;
    sitrep::syntax::SyntaxStage syntax;
    auto t0 = std::chrono::steady_clock::now();
    auto corpus = PrepareNerCorpus(gold, syntax);
    auto t1 = std::chrono::steady_clock::now();
    NerScore score;
    // Documents are tagged whole (a two-pass model reads across sentences).
    std::vector<std::vector<std::uint8_t>> labels(corpus.tokens.size());
    {
      DocLabelScratch scratch;
      std::vector<NerSentenceRef> refs;
      for (std::size_t s = 0; s < corpus.tokens.size(); ++s) {
        labels[s].resize(corpus.tokens[s].size());
        if (s > 0 && corpus.docs[s] != corpus.docs[s - 1]) {
          model->TagDocument(refs.data(), refs.size(), scratch);
          refs.clear();
        }
        refs.push_back({corpus.tokens[s].data(), labels[s].data(), corpus.tokens[s].size()});
      }
      model->TagDocument(refs.data(), refs.size(), scratch);
    }
    for (std::size_t s = 0; s < corpus.tokens.size(); ++s) {
      const std::vector<std::uint8_t>& out = labels[s];
      score.Add(corpus.labels[s].data(), out.data(), out.size());
      if (a.show_errors && out != corpus.labels[s]) {
        auto span_text = [&](const NerSpan& x) {
          std::string t;
          for (std::uint32_t i = x.begin; i < x.end; ++i) t += (i > x.begin ? " " : "") + corpus.words[s][i];
          return t + "/" + std::string(kNerTypes[x.type]);
        };
        const auto& gl = corpus.labels[s];
        auto g = SpansFromLabels(gl.data(), out.size());
        auto y = SpansFromLabels(out.data(), out.size());
        // The sentence, words the gold leaves open marked with '?'.
        std::string sentence;
        for (std::size_t i = 0; i < out.size(); ++i) {
          sentence += (i ? " " : "") + corpus.words[s][i] + (gl[i] == kUnknownLabel ? "?" : "");
        }
        for (const auto& x : g) {
          if (std::find(y.begin(), y.end(), x) == y.end()) {
            std::printf("MISS\t%s\t%s\n", span_text(x).c_str(), sentence.c_str());
          }
        }
        for (const auto& x : y) {
          const bool open = std::any_of(gl.begin() + x.begin, gl.begin() + x.end,
                                        [](std::uint8_t l) { return l == kUnknownLabel; });
          if (!open && std::find(g.begin(), g.end(), x) == g.end()) {
            std::printf("FP\t%s\t%s\n", span_text(x).c_str(), sentence.c_str());
          }
        }
      }
    }
    auto t2 = std::chrono::steady_clock::now();
    const double tag_secs = std::chrono::duration<double>(t2 - t1).count();
    const double all_secs = std::chrono::duration<double>(t2 - t0).count();
    std::uint64_t g = 0, sy = 0, c = 0;
    std::printf("type     gold  system  correct  precision  recall  F1\n");
    std::string per_type;
    for (int t = 0; t < kNumNerTypes; ++t) {
      if (!score.gold[t] && !score.system[t]) continue;
      if (t < 3) {
        g += score.gold[t];
        sy += score.system[t];
        c += score.correct[t];
      }
      double p = Ratio(score.correct[t], score.system[t]), r = Ratio(score.correct[t], score.gold[t]);
      double f = F1(score.correct[t], score.system[t], score.gold[t]);
      std::printf("%-7s %5llu  %6llu  %7llu  %9.4f  %6.4f  %.4f\n", std::string(kNerTypes[t]).c_str(),
                  static_cast<unsigned long long>(score.gold[t]), static_cast<unsigned long long>(score.system[t]),
                  static_cast<unsigned long long>(score.correct[t]), p, r, f);
      if (!per_type.empty()) per_type += ',';
      per_type += "\"" + std::string(kNerTypes[t]) + "\":{\"precision\":" + std::to_string(p) +
                  ",\"recall\":" + std::to_string(r) + ",\"f1\":" + std::to_string(f) + "}";
    }
    const double p = Ratio(c, sy), r = Ratio(c, g), f = F1(c, sy, g);
    const double tps = tag_secs > 0 ? static_cast<double>(corpus.token_count) / tag_secs : 0.0;
    std::printf("micro (PERSON, ORG, LOC)  precision %.4f  recall %.4f  F1 %.4f\n", p, r, f);
    std::printf("speed  %.0f tokens/s recognition alone; %.0f tokens/s with the syntax stage\n", tps,
                all_secs > 0 ? static_cast<double>(corpus.token_count) / all_secs : 0.0);
    if (a.json) {
      std::printf("{\"precision\":%.6f,\"recall\":%.6f,\"f1\":%.6f,\"per_type\":{%s},\"tokens\":%zu,"
                  "\"tokens_per_second\":%.1f}\n",
                  p, r, f, per_type.c_str(), corpus.token_count, tps);
    }
    return sitrep::cli::kExitOk;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(e.what());
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar train_reg(
    "train", "ner", "Train the named-entity recogniser from IOB files and GUM CoNLL-U", [](CLI::App& app) {
      auto a = std::make_shared<TrainArgs>();
      app.add_option("--train", a->train, "Training files: IOB (.iob2, .conll, ...), GUM .conllu or ECB+ .xml (partly labelled)")
          ->required()
          ->expected(1, -1);
      app.add_option("--dev", a->dev, "Files to report F1 on after each epoch")->expected(1, -1);
      app.add_option("--tune-every", a->tune_every,
                     "Hold every k-th training document out as tuning data (0 = none)");
      app.add_option("--out", a->out, "Model file to write")->required();
      app.add_option("--epochs", a->epochs, "Training epochs");
      app.add_option("--seed", a->seed, "Random seed (shuffling)");
      app.add_option("--decoder", a->decoder, "viterbi (structured perceptron) or greedy")
          ->check(CLI::IsMember({"viterbi", "greedy"}));
      app.add_option("--runs", a->runs, "Average this many training runs (own shuffles) into one model");
      app.add_option("--cv", a->cv,
                     "First report K-fold cross-validation over the IOB training files' documents "
                     "(GUM files always train)");
      app.add_flag("--cv-errors", a->cv_errors, "Print the cross-validation's missed and spurious spans");
      app.add_flag("--two-pass", a->two_pass,
                   "Add a second pass that reads the first pass's labels across the document");
      return [a] { return RunTrain(*a); };
    });

sitrep::cli::CommandRegistrar eval_reg(
    "eval", "ner", "Score the named-entity recogniser on IOB gold files", [](CLI::App& app) {
      auto a = std::make_shared<EvalArgs>();
      app.add_option("--gold", a->gold, "Gold files: IOB2/IOB1 columns (UNER or CoNLL-2003 layout), or GUM .conllu")
          ->required()
          ->expected(1, -1);
      app.add_option("--model", a->model, "Model file (default: the compiled-in model)");
      app.add_flag("--json", a->json, "Print the scores as one JSON object on the last line");
      app.add_flag("--show-errors", a->show_errors, "Print every missed and spurious span");
      app.add_flag("--no-rules", a->no_rules, "Score the model's labels without the title and organisation corrections");
      return [a] { return RunEval(*a); };
    });

// ECB+ XML: `<token t_id=".." sentence="N" number="..">word</token>` lines,
// one sentence per value of `sentence`.
std::vector<LexSentence> ReadEcbText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  SITREP_CHECK(in, sitrep::ConfigError, "cannot read " + path);
  std::vector<LexSentence> out;
  std::string line, last_sent = "\x01";
  while (std::getline(in, line)) {
    std::size_t t = line.find("<token ");
    if (t == std::string::npos) continue;
    std::size_t sp = line.find("sentence=\"", t), gt = line.find('>', t), end = line.find("</token>", t);
    if (sp == std::string::npos || gt == std::string::npos || end == std::string::npos || end < gt) continue;
    std::size_t sq = line.find('"', sp + 10);
    std::string sent = line.substr(sp + 10, sq - sp - 10);
    std::string w = line.substr(gt + 1, end - gt - 1);
    for (auto [from, to] : {std::pair<std::string, std::string>{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                            {"&quot;", "\""}, {"&apos;", "'"}}) {
      for (std::size_t p = w.find(from); p != std::string::npos; p = w.find(from, p + to.size())) w.replace(p, from.size(), to);
    }
    if (w.empty()) continue;
    if (sent != last_sent || out.empty()) out.emplace_back(), last_sent = sent;
    out.back().words.push_back(w);
  }
  return out;
}

struct WordsArgs {
  std::vector<std::string> conllu, text, notes;
  std::string out;
  LexOptions opt;
};

int RunWords(const WordsArgs& a) {
  try {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<LexSentence> corpus;
    std::size_t tokens = 0;
    for (const auto& f : a.conllu) {
      for (const auto& s : sitrep::syntax::ReadConlluFile(f)) {
        LexSentence x;
        for (const auto& w : s.words) x.words.push_back(w.form), x.upos.push_back(w.upos);
        tokens += x.words.size();
        corpus.push_back(std::move(x));
      }
    }
    // Other files (ECB+ XML) in sorted order, so the result does not
    // depend on how the shell listed them.
    std::vector<std::string> text = a.text;
    std::sort(text.begin(), text.end());
    for (const auto& f : text) {
      for (auto& x : ReadEcbText(f)) {
        tokens += x.words.size();
        corpus.push_back(std::move(x));
      }
    }
    std::string table = LearnWordLex(corpus, a.opt);
    std::string header =
        "# Word table for the named-entity recogniser: word, fine cluster, coarse cluster,\n"
        "# proper-noun bucket, capitals bucket (0 unseen, 1 <5%, 2 <50%, 3 <95%, 4 >=95%).\n"
        "# Learned by `sitrep train ner-words` (src/entities/word_lex.cpp) from the files given to it;\n"
        "# the shipped table's sources, licence and command are in data/ner/NOTICE.\n";
    for (const auto& n : a.notes) header += "# " + n + "\n";
    sitrep::syntax::WriteFileOrThrow(a.out, header + table);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "ner-words: %zu sentences, %zu tokens; wrote %s (%zu bytes) in %.1fs\n", corpus.size(),
                 tokens, a.out.c_str(), header.size() + table.size(), secs);
    return sitrep::cli::kExitOk;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(e.what());
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar words_reg(
    "train", "ner-words", "Learn the recogniser's word table (clusters, proper-noun and capitals rates)",
    [](CLI::App& app) {
      auto a = std::make_shared<WordsArgs>();
      app.add_option("--conllu", a->conllu, "CoNLL-U files (words and UPOS)")->expected(1, -1);
      app.add_option("--text", a->text, "ECB+ XML files (words only)")->expected(1, -1);
      app.add_option("--out", a->out, "Table to write")->required();
      app.add_option("--note", a->notes, "A comment line for the table's header (its sources)");
      app.add_option("--min-count", a->opt.min_count, "Leave out words seen fewer times");
      app.add_option("--clusters", a->opt.fine_clusters, "Fine clusters (at most 510)");
      app.add_option("--coarse", a->opt.coarse_clusters, "Coarse clusters (at most 62)");
      app.add_option("--context", a->opt.context_words, "Context words");
      app.add_option("--iterations", a->opt.iterations, "k-means iterations");
      return [a] { return RunWords(*a); };
    });

struct VectorArgs {
  std::string vectors, out_dir;
  std::vector<std::string> notes;
  VectorClusterOptions opt;
};

int RunVectors(const VectorArgs& a) {
  try {
    auto t0 = std::chrono::steady_clock::now();
    SITREP_CHECK(a.opt.fine >= 2 && a.opt.fine <= 4094 && a.opt.mid >= 1 && a.opt.mid <= 510 && a.opt.coarse >= 1 &&
                     a.opt.coarse <= 254,
                 sitrep::ConfigError, "cluster counts out of range (fine 2-4094, mid 1-510, coarse 1-254)");
    VectorClusters vc = LearnVectorClusters(a.vectors, a.opt);
    std::string notes;
    for (const auto& n : a.notes) notes += "# " + n + "\n";
    const std::string dir = a.out_dir.empty() ? "." : a.out_dir;
    sitrep::syntax::WriteFileOrThrow(
        dir + "/vector_clusters.tsv",
        "# Word-vector clusters for the named-entity recogniser: word, fine cluster (most frequent word first).\n"
        "# Learned by `sitrep train ner-vectors` (src/entities/word_lex.cpp); middle and coarse clusters\n"
        "# of each fine one in vector_tree.tsv; sources, licence and command in data/ner/NOTICE.\n" +
            notes + vc.words);
    sitrep::syntax::WriteFileOrThrow(
        dir + "/vector_tree.tsv",
        "# Middle and coarse cluster of each fine word-vector cluster (vector_clusters.tsv): fine, mid, coarse.\n" +
            notes + vc.tree);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "ner-vectors: wrote %s/vector_clusters.tsv and vector_tree.tsv in %.1fs\n", dir.c_str(), secs);
    return sitrep::cli::kExitOk;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(e.what());
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar vectors_reg(
    "train", "ner-vectors", "Cluster word vectors for the recogniser's word table (vector_clusters.tsv, vector_tree.tsv)",
    [](CLI::App& app) {
      auto a = std::make_shared<VectorArgs>();
      app.add_option("--vectors", a->vectors, "Word vectors: wink-embeddings style JSON, words in frequency order")
          ->required();
      app.add_option("--out-dir", a->out_dir, "Folder to write the two tables to")->required();
      app.add_option("--note", a->notes, "A comment line for the tables' headers (their sources)");
      app.add_option("--words", a->opt.words, "Cluster this many most frequent words");
      app.add_option("--fine", a->opt.fine, "Fine clusters");
      app.add_option("--mid", a->opt.mid, "Middle clusters (of the fine ones)");
      app.add_option("--coarse", a->opt.coarse, "Coarse clusters (of the fine ones)");
      app.add_option("--iterations", a->opt.iterations, "k-means iterations for the fine clusters");
      return [a] { return RunVectors(*a); };
    });

}  // namespace
