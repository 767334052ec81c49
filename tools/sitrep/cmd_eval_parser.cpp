// `sitrep eval parser`: scores the committed syntax models against a gold
// CoNLL-U file. Punctuation is included, as in CoNLL 2018. LAS compares
// the universal part of the relation (CoNLL 2018: "nmod:poss" counts as
// "nmod"); `las_full` also requires the subtype to match.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "core/error.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace {

using sitrep::Article;
using sitrep::Token;
using sitrep::syntax::ConllSentence;

struct EvalArgs {
  std::string gold;
  bool json = false;
  bool tokenize = false;
  std::string tagger, lemmatizer, parser;  // explicit model files
  std::string output;                      // CoNLL-U of the system analysis
};

std::string_view Universal(std::string_view rel) { return rel.substr(0, rel.find(':')); }

double Ratio(std::size_t a, std::size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }
double F1(std::size_t correct, std::size_t sys, std::size_t gold) {
  double p = Ratio(correct, sys), r = Ratio(correct, gold);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}


struct Scores {
  std::size_t words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
};

void PrintResult(const EvalArgs& args, const std::string& extra_json, const Scores& sc, double secs,
                 std::size_t tokens, bool f1, std::size_t gold_words) {
  const char* kind = f1 ? "aligned F1" : "accuracy";
  double tps = secs > 0 ? static_cast<double>(tokens) / secs : 0.0;
  auto v = [&](std::size_t x) { return Ratio(x, sc.words); };
  if (!f1) std::printf("words %zu (gold tokenization)\n", gold_words);
  std::printf("UPOS   %.2f%% (%s)\nXPOS   %.2f%%\nLemma  %.2f%%\nUAS    %.2f%%\nLAS    %.2f%% (universal relations, "
              "punctuation included, as CoNLL 2018)\nLAS+subtypes %.2f%%\n",
              100 * v(sc.upos), kind, 100 * v(sc.xpos), 100 * v(sc.lemma), 100 * v(sc.uas), 100 * v(sc.las),
              100 * v(sc.las_full));
  std::printf("speed  %.0f tokens/s (syntax stage, one thread)\n", tps);
  if (args.json) {
    std::printf("{\"words\":%zu,\"upos\":%.6f,\"xpos\":%.6f,\"lemma\":%.6f,\"uas\":%.6f,\"las\":%.6f,"
                "\"las_full\":%.6f,\"tokens_per_second\":%.1f%s}\n",
                gold_words, v(sc.upos), v(sc.xpos), v(sc.lemma), v(sc.uas), v(sc.las), v(sc.las_full), tps,
                extra_json.c_str());
  }
}

int EvalGoldTokens(const EvalArgs& args, const std::vector<ConllSentence>& gold,
                   const sitrep::syntax::SyntaxStage& stage) {
  Article a = ArticleFromGold(gold);
  auto scratch = stage.NewScratch();
  auto t0 = std::chrono::steady_clock::now();
  stage.Process(a, scratch.get());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Scores sc;
  std::size_t t = 0;
  for (const auto& s : gold) {
    for (const auto& w : s.words) {
      const Token& tok = a.tokens[t++];
      ++sc.words;
      sc.upos += tok.upos == w.upos;
      sc.xpos += tok.xpos == w.xpos;
      sc.lemma += tok.lemma == w.lemma;
      if (tok.head + 1 == w.head) {
        ++sc.uas;
        sc.las += Universal(tok.deprel) == Universal(w.deprel);
        sc.las_full += tok.deprel == w.deprel;
      }
    }
  }
  if (!args.output.empty()) {
    std::ofstream out(args.output);
    sitrep::syntax::WriteConllu(a, out);
    SITREP_CHECK(out, sitrep::ConfigError, "cannot write '" << args.output << "'");
  }
  PrintResult(args, "", sc, secs, a.tokens.size(), false, sc.words);
  return sitrep::cli::kExitOk;
}

// Character spans with whitespace removed, so that system and gold tokens
// of the same raw text can be compared (the CoNLL 2018 alignment).
struct Span {
  long b = -1, e = -1;
  bool operator==(const Span&) const = default;
};

int EvalTokenize(const EvalArgs& args, const std::vector<ConllSentence>& gold,
                 const sitrep::syntax::SyntaxStage& stage) {
  // Group gold sentences into documents.
  std::vector<std::vector<const ConllSentence*>> docs;
  for (const auto& s : gold) {
    if (docs.empty() || s.new_doc) docs.emplace_back();
    docs.back().push_back(&s);
  }
  Scores sc;
  std::size_t gold_words = 0, sys_words = 0, tok_match = 0, gold_sents = 0, sys_sents = 0, sent_match = 0;
  std::size_t unaligned_gold = 0;
  double secs = 0;
  std::size_t processed = 0;
  auto scratch = stage.NewScratch();
  for (const auto& doc : docs) {
    Article a;
    for (std::size_t i = 0; i < doc.size(); ++i) {
      if (i > 0) a.text += doc[i]->new_par ? "\n" : " ";
      a.text += doc[i]->text;
    }
    // Non-whitespace index of every byte.
    std::vector<long> nw(a.text.size() + 1);
    long c = 0;
    for (std::size_t i = 0; i < a.text.size(); ++i) {
      nw[i] = c;
      unsigned char ch = static_cast<unsigned char>(a.text[i]);
      if (!(ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r')) ++c;
    }
    nw[a.text.size()] = c;
    // Gold word spans: find each form in the text in order.
    struct GoldWord {
      Span span;
      const sitrep::syntax::ConllWord* w;
      long head_index;  // index into gws, -1 for root
    };
    std::vector<GoldWord> gws;
    std::vector<Span> gold_sent_spans;
    std::size_t cursor = 0;
    for (const ConllSentence* s : doc) {
      const std::size_t base = gws.size();
      for (const auto& w : s->words) {
        std::size_t at = a.text.find(w.form, cursor);
        GoldWord g{{}, &w, w.head == 0 ? -1 : static_cast<long>(base) + w.head - 1};
        if (at != std::string::npos && at - cursor < 200) {
          g.span = {nw[at], nw[at + w.form.size()]};
          cursor = at + w.form.size();
        } else {
          ++unaligned_gold;
        }
        gws.push_back(g);
      }
      if (gws.size() > base) gold_sent_spans.push_back({gws[base].span.b, gws.back().span.e});
    }
    sitrep::text::Segment(&a);
    auto t0 = std::chrono::steady_clock::now();
    stage.Process(a, scratch.get());
    secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    processed += a.tokens.size();
    std::vector<Span> sys_spans;
    for (const Token& t : a.tokens) sys_spans.push_back({nw[t.begin], nw[t.end]});
    std::vector<long> sys_head(a.tokens.size(), -1);
    for (const auto& s : a.sentences) {
      for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
        sys_head[t] = a.tokens[t].head < 0 ? -1 : static_cast<long>(s.first_token) + a.tokens[t].head;
      }
      if (s.end_token > s.first_token) {
        Span sp{sys_spans[s.first_token].b, sys_spans[s.end_token - 1].e};
        ++sys_sents;
        for (const Span& g : gold_sent_spans) sent_match += g == sp;
      }
    }
    gold_sents += gold_sent_spans.size();
    // Align by identical spans (both lists are in text order).
    std::vector<long> sys_of_gold(gws.size(), -1), gold_of_sys(sys_spans.size(), -1);
    std::size_t j = 0;
    for (std::size_t i = 0; i < gws.size(); ++i) {
      if (gws[i].span.b < 0) continue;
      while (j < sys_spans.size() && sys_spans[j].b < gws[i].span.b) ++j;
      if (j < sys_spans.size() && sys_spans[j] == gws[i].span) {
        sys_of_gold[i] = static_cast<long>(j);
        gold_of_sys[j] = static_cast<long>(i);
      }
    }
    gold_words += gws.size();
    sys_words += sys_spans.size();
    for (std::size_t i = 0; i < gws.size(); ++i) {
      long sj = sys_of_gold[i];
      if (sj < 0) continue;
      ++tok_match;
      const Token& tok = a.tokens[sj];
      const auto& w = *gws[i].w;
      sc.upos += tok.upos == w.upos;
      sc.xpos += tok.xpos == w.xpos;
      sc.lemma += tok.lemma == w.lemma;
      long sh = sys_head[sj];
      long gh = gws[i].head_index;
      bool head_ok = (gh < 0 && sh < 0) || (gh >= 0 && sh >= 0 && gold_of_sys[sh] == gh);
      if (head_ok) {
        ++sc.uas;
        sc.las += Universal(tok.deprel) == Universal(w.deprel);
        sc.las_full += tok.deprel == w.deprel;
      }
    }
  }
  // Report F1 over aligned words, as CoNLL 2018 does.
  Scores f;
  f.words = 1000000;
  auto scale = [&](std::size_t x) { return static_cast<std::size_t>(F1(x, sys_words, gold_words) * 1e6 + 0.5); };
  f.upos = scale(sc.upos);
  f.xpos = scale(sc.xpos);
  f.lemma = scale(sc.lemma);
  f.uas = scale(sc.uas);
  f.las = scale(sc.las);
  f.las_full = scale(sc.las_full);
  double tokens_f1 = F1(tok_match, sys_words, gold_words), sentences_f1 = F1(sent_match, sys_sents, gold_sents);
  std::printf("gold words %zu, system tokens %zu, gold words not found in # text: %zu\n", gold_words, sys_words,
              unaligned_gold);
  std::printf("Tokens     F1 %.2f%%\nSentences  F1 %.2f%%\n", 100 * tokens_f1, 100 * sentences_f1);
  char extra[128];
  std::snprintf(extra, sizeof extra, ",\"tokens_f1\":%.6f,\"sentences_f1\":%.6f", tokens_f1, sentences_f1);
  PrintResult(args, extra, f, secs, processed, true, gold_words);
  return sitrep::cli::kExitOk;
}

int Run(const EvalArgs& args) {
  try {
    auto gold = sitrep::syntax::ReadConlluFile(args.gold);
    std::shared_ptr<const sitrep::syntax::SyntaxModels> models;
    if (!args.tagger.empty() || !args.lemmatizer.empty() || !args.parser.empty()) {
      SITREP_CHECK(!args.tagger.empty() && !args.lemmatizer.empty() && !args.parser.empty(), sitrep::ConfigError,
                   "--tagger, --lemmatizer and --parser go together");
      models = sitrep::syntax::LoadModelsFromFiles(args.tagger, args.lemmatizer, args.parser);
    } else {
      models = sitrep::syntax::LoadDefaultModels();
    }
    sitrep::syntax::SyntaxStage stage(models);
    return args.tokenize ? EvalTokenize(args, gold, stage) : EvalGoldTokens(args, gold, stage);
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(e.what());
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar reg("eval", "parser", "Score tagger, lemmatizer and parser on gold CoNLL-U",
                                  [](CLI::App& app) {
                                    auto a = std::make_shared<EvalArgs>();
                                    app.add_option("--gold", a->gold, "Gold CoNLL-U file")->required();
                                    app.add_flag("--json", a->json, "Print a JSON summary as the last line");
                                    app.add_flag("--tokenize", a->tokenize,
                                                 "Tokenize the raw # text with sitrep's own tokenizer and "
                                                 "score aligned words");
                                    app.add_option("--tagger", a->tagger, "Tagger model file (default: built in)");
                                    app.add_option("--lemmatizer", a->lemmatizer, "Lemmatizer model file");
                                    app.add_option("--parser", a->parser, "Parser model file");
                                    app.add_option("--output", a->output,
                                                   "Write the system analysis as CoNLL-U (gold tokens only)");
                                    return [a] { return Run(*a); };
                                  });

}  // namespace
