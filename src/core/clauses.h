// Shapes of clauses that several stages read off the parse the same way.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/article.h"

namespace sitrep {

// True when token t (an index into a.tokens, inside sentence s) is a past
// participle set off by a comma right after a noun or pronoun, opening a
// question put to it ("whether", "if", "about", "why", "how", "what",
// "when", "on", "over"), with a past-tense verb after a later comma of the
// sentence: "X, asked whether he would meet Y, said: ...". X was asked
// and said what follows; X neither asked nor appealed. Parsers read the
// participle as the main verb, so quotes and events both skip it.
inline bool IsAsideQuestionParticiple(const Article& a, const Sentence& s, std::uint32_t t) {
  if (t < s.first_token + 2 || t + 1 >= s.end_token) return false;
  const Token& tok = a.tokens[t];
  if ((tok.xpos != "VBD" && tok.xpos != "VBN") || a.TokenText(a.tokens[t - 1]) != ",") return false;
  const std::string_view before = a.tokens[t - 2].upos;
  if (before != "PROPN" && before != "NOUN" && before != "PRON") return false;
  const std::string_view next = a.TokenText(a.tokens[t + 1]);
  bool question = false;
  for (std::string_view w : {"whether", "if", "about", "why", "how", "what", "when", "on", "over"}) {
    if (next.size() != w.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < w.size() && same; ++k) same = (next[k] | 0x20) == w[k];
    question = question || same;
  }
  if (!question) return false;
  for (std::uint32_t k = t + 2; k + 1 < s.end_token; ++k) {
    if (a.TokenText(a.tokens[k]) == "," && a.tokens[k + 1].xpos == "VBD") return true;
  }
  return false;
}

}  // namespace sitrep
