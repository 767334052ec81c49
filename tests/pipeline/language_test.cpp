// The English models run on English (or undetermined) text only: on another
// language they would read sentences as names and quotes.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/pipeline.h"

namespace sitrep::pipeline {
namespace {

Article RunText(const ArticlePipeline& pipeline, ArticlePipeline::Scratch& scratch, std::string text) {
  ingest::RawDoc doc;
  doc.source = "test";
  doc.format = ingest::Format::kText;
  doc.bytes = std::move(text);
  return pipeline.Run(std::move(doc), scratch);
}

TEST(Languages, OtherLanguagesGetNoNamesQuotesOrEventsButAWarning) {
  ArticlePipeline pipeline = ArticlePipeline::Standard(nullptr);
  auto scratch = pipeline.NewScratch();
  const std::string english =
      "Talks in Lenhall end without a deal\n\n"
      "Foreign Minister Odalys Kessar met the Dravenian envoy in Lenhall on Monday. "
      "\"We will return next week,\" Kessar told reporters after the meeting. "
      "The government of Dravenia condemned the attack on the port.";
  Article en = RunText(pipeline, scratch, english);
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en.language, "en");
  EXPECT_FALSE(en.mentions.empty());
  EXPECT_FALSE(en.quotes.empty());
  for (const std::string& w : en.warnings) EXPECT_EQ(w.find("English text only"), std::string::npos) << w;

  const std::string french =
      "Les discussions de Lenhall se terminent sans accord\n\n"
      "Le ministre des Affaires étrangères Odalys Kessar a rencontré lundi l'envoyé de la Dravénie à Lenhall. "
      "« Nous reviendrons la semaine prochaine », a déclaré Kessar aux journalistes après la réunion. "
      "Le gouvernement de la Dravénie a condamné l'attaque contre le port et les navires qui y étaient. "
      "Selon les diplomates, les deux délégations se sont mises d'accord sur le calendrier, mais pas sur le fond. "
      "Il n'y a pas eu de déclaration commune à la fin de la journée, et les ministres sont repartis dans la soirée.";
  Article fr = RunText(pipeline, scratch, french);
  ASSERT_TRUE(fr.ok());
  EXPECT_EQ(fr.language, "fr");
  EXPECT_FALSE(fr.tokens.empty());
  EXPECT_TRUE(fr.mentions.empty());
  EXPECT_TRUE(fr.local_entities.empty());
  EXPECT_TRUE(fr.quotes.empty());
  EXPECT_TRUE(fr.events.empty());
  bool warned = false;
  for (const std::string& w : fr.warnings) warned |= w.find("'fr'") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(Languages, EnglishRegionTagsAndUnknownLanguageCount) {
  Article a;
  a.text.assign(Article::kLanguageTrustBytes, 'x');
  for (const char* lang : {"en", "en-GB", "EN-us", "und", ""}) {
    a.language = lang;
    EXPECT_TRUE(a.ReadsAsEnglish()) << lang;
  }
  for (const char* lang : {"fr", "de-AT", "eng", "zh"}) {
    a.language = lang;
    EXPECT_FALSE(a.ReadsAsEnglish()) << lang;
  }
  // A short text's language is not believed.
  a.text.resize(Article::kLanguageTrustBytes - 1);
  a.language = "cs";
  EXPECT_TRUE(a.ReadsAsEnglish());
}

}  // namespace
}  // namespace sitrep::pipeline
