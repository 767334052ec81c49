// The per-sentence events coder (internal header).
#pragma once

#include <cstdint>
#include <vector>

#include "core/article.h"
#include "core/stage.h"
#include "events/lexicon.h"

namespace sitrep::events {

struct CoderScratch : StageScratch {
  std::vector<std::int32_t> first_child, next_sibling;  // per token of the sentence
  std::vector<std::int32_t> mention_of;                 // per token of the article
  std::vector<std::uint8_t> consumed;                   // token already part of a coded event
  std::vector<std::string> root_of;                   // root of the code an event verb got
  std::string lower, word;
};

// Replaces a.events with the events coded in each sentence of `a`.
void CodeArticle(const Lexicon& lex, Article& a, CoderScratch& scratch);

}  // namespace sitrep::events
