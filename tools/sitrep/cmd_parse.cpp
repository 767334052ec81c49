// `sitrep parse [FILE...]`: text (or JSON Lines articles with a "text"
// field) in, CoNLL-U out: sitrep's own sentence splitting and
// tokenization, then tags, lemmas and dependency trees. Exit code 0, or 1
// when no input could be read at all.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "core/error.h"
#include "ingest/decode.h"
#include "ingest/ingest.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace {

struct ParseArgs {
  std::vector<std::string> inputs;
};

// Plain text is often hard-wrapped: a single line break inside a paragraph
// would end a sentence (the text stage never lets one cross a line), so
// lines are joined and only blank lines separate paragraphs.
std::string Unwrap(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j < text.size() && text[j] == '\n') {
      out += '\n';
      while (j < text.size() && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      i = j - 1;
    } else {
      out += ' ';
    }
  }
  return out;
}

int RunParse(const ParseArgs& args) {
  try {
    sitrep::syntax::SyntaxStage stage;
    auto scratch = stage.NewScratch();
    std::size_t parsed = 0, skipped = 0;
    auto emit = [&](sitrep::ingest::RawDoc&& doc) {
      const bool plain = doc.format == sitrep::ingest::Format::kText;
      sitrep::Article a = sitrep::ingest::Decode(std::move(doc));
      if (!a.ok()) {
        ++skipped;
        sitrep::cli::PrintError("skipped " + a.source + ": " + a.reason);
        return;
      }
      ++parsed;
      a.text = sitrep::text::Normalize(plain ? Unwrap(a.text) : a.text);
      sitrep::text::Segment(&a);
      stage.Process(a, scratch.get());
      std::cout << "# newdoc id = " << a.id << '\n';
      sitrep::syntax::WriteConllu(a, std::cout);
      for (const auto& w : a.warnings) sitrep::cli::PrintError(a.source + ": " + w);
    };
    std::vector<std::string> files;
    bool use_stdin = args.inputs.empty();
    for (const auto& f : args.inputs) {
      if (f == "-") {
        use_stdin = true;
      } else {
        files.push_back(f);
      }
    }
    if (!files.empty()) sitrep::ingest::Reader(files, {}).Run(emit);
    if (use_stdin) {
      // Standard input: JSON Lines if it starts with '{', else one text.
      std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      std::size_t first = all.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && all[first] == '{') {
        std::size_t pos = 0, line = 0;
        while (pos < all.size()) {
          std::size_t nl = all.find('\n', pos);
          if (nl == std::string::npos) nl = all.size();
          ++line;
          std::string_view l(all.data() + pos, nl - pos);
          pos = nl + 1;
          if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
          sitrep::ingest::RawDoc doc;
          doc.source = "-:" + std::to_string(line);
          doc.path = "-";
          doc.format = sitrep::ingest::Format::kJson;
          doc.bytes = std::string(l);
          doc.input_bytes = l.size();
          emit(std::move(doc));
        }
      } else if (first != std::string::npos) {
        sitrep::ingest::RawDoc doc;
        doc.source = "-";
        doc.path = "-";
        doc.format = sitrep::ingest::Format::kText;
        doc.input_bytes = all.size();
        doc.bytes = std::move(all);
        emit(std::move(doc));
      }
    }
    std::cout.flush();
    if (!std::cout) {
      sitrep::cli::PrintError("cannot write the output");
      return sitrep::cli::kExitOutput;
    }
    // Some unreadable records among good ones are reported and skipped;
    // nothing readable at all is a usage error.
    return parsed == 0 && skipped > 0 ? sitrep::cli::kExitUsage : sitrep::cli::kExitOk;
  } catch (const sitrep::Error& e) {
    sitrep::cli::PrintError(e.what());
    return sitrep::cli::kExitUsage;
  }
}

sitrep::cli::CommandRegistrar reg("", "parse", "Tokenize, tag and parse text into CoNLL-U", [](CLI::App& app) {
  auto a = std::make_shared<ParseArgs>();
  app.add_option("files", a->inputs, "Text or JSON Lines files, folders, or - for stdin (default)");
  return [a] { return RunParse(*a); };
});

}  // namespace
