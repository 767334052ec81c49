// `sitrep quotes [FILE...] [--parse]`: runs the per-article pipeline and
// prints each article's quotes, one per line, for reading and checking
// (kind, speaker and how it was found, cue, words, and for a mixed
// quote the whole content credited to the speaker). With --parse the
// sentences holding a quote's cue are printed as CoNLL-U as well.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "core/error.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "syntax/conllu.h"

namespace {

struct QuotesArgs {
  std::vector<std::string> inputs;
  bool parse = false;
};

int RunQuotes(const QuotesArgs& args) {
  try {
    auto pipeline = sitrep::pipeline::ArticlePipeline::Standard(nullptr);
    auto scratch = pipeline.NewScratch();
    std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
    sitrep::ingest::Reader(inputs, {}).Run([&](sitrep::ingest::RawDoc&& doc) {
      sitrep::Article a = pipeline.Run(std::move(doc), scratch);
      if (!a.ok()) {
        sitrep::cli::PrintError("skipped " + a.source + ": " + a.reason);
        return;
      }
      std::cout << "# " << a.source << '\n';
      for (const sitrep::Quote& q : a.quotes) {
        std::string words;
        for (const auto& p : q.parts) {
          if (!words.empty()) words += " | ";
          words += a.Text(p);
        }
        std::string speaker = !q.speaker_name.empty() ? q.speaker_name : q.speaker_description;
        std::cout << q.kind << '\t' << (speaker.empty() ? "-" : speaker) << '\t'
                  << (q.speaker_from.empty() ? "-" : q.speaker_from) << '\t'
                  << (q.cue_text.empty() ? "-" : q.cue_text) << '\t' << words;
        if (q.kind == "mixed") std::cout << "\t[content: " << a.Text(q.content) << ']';
        std::cout << '\n';
        if (args.parse && q.cue.end > q.cue.begin) {
          for (std::size_t s = 0; s < a.sentences.size(); ++s) {
            if (a.sentences[s].begin <= q.cue.begin && q.cue.end <= a.sentences[s].end) {
              sitrep::syntax::WriteConlluSentence(a, s, std::cout);
            }
          }
        }
      }
    });
    return sitrep::cli::kExitOk;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(std::string(e.what()) + " (" + e.file() + ":" + std::to_string(e.line()) + ")");
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar reg("", "quotes", "Print the quotes sitrep finds in articles, one per line",
                                  [](CLI::App& app) {
                                    auto args = std::make_shared<QuotesArgs>();
                                    app.add_option("inputs", args->inputs, "files, folders, or - for stdin");
                                    app.add_flag("--parse", args->parse, "also print the parse of each cue's sentence");
                                    return [args] { return RunQuotes(*args); };
                                  });

}  // namespace
