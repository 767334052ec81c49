// Names as the whole pipeline finds them on scraped text.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/pipeline.h"

namespace sitrep::pipeline {
namespace {

// A page's reference list: the recogniser took the "^" that marks each
// reference into the name after it.
TEST(Mentions, NoNameStartsOrEndsWithAMarkWithoutLettersOrDigits) {
  ArticlePipeline pipeline = ArticlePipeline::Standard(nullptr);
  auto scratch = pipeline.NewScratch();
  ingest::RawDoc doc;
  doc.source = "test";
  doc.format = ingest::Format::kText;
  doc.bytes =
      "Notes on the Lenhall archive\n\n"
      "The archive was opened in 1990 by the council of Lenhall, and it holds the letters of the Kessar family.\n\n"
      "^ Kessar, Odalys (2001). A History of Lenhall. Dravel University Press. p. 52.\n\n"
      "^ Harlen, Tobin (September 26, 2017). The Lenhall Letters. Kessar & Company. p. 80.\n\n"
      "^ Varnell, Jakob (1996). \"Harbour notes\". Retrieved 2007-10-12.\n";
  Article a = pipeline.Run(std::move(doc), scratch);
  ASSERT_TRUE(a.ok());
  bool varnell = false;
  for (const Mention& m : a.mentions) {
    std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    ASSERT_FALSE(s.empty());
    EXPECT_NE(s.front(), '^') << s;
    EXPECT_NE(s.back(), '^') << s;
    varnell |= s == "Varnell";
  }
  EXPECT_TRUE(varnell);  // the name itself is still found
}

}  // namespace
}  // namespace sitrep::pipeline
