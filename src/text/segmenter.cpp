// Sentence segmentation over the tokens of each line.
#include <algorithm>
#include <string>

#include "core/utf8.h"
#include "text/chars.h"
#include "text/lexicon.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

char32_t FirstCp(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = 0;
  return utf8::Decode(s, i);
}

char32_t LastCp(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && !utf8::IsLead(static_cast<unsigned char>(s[i]))) --i;
  return utf8::Decode(s, i);
}

bool IsTerminalToken(std::string_view tok) {
  if (tok.empty()) return false;
  char32_t last = LastCp(tok);
  if (!IsTerminal(last)) return false;
  // A bare mark (".", "?!", "...") or an abbreviation ending in '.'.
  return true;
}

// Only terminal marks ("?", "!!", "..."), no letter: "Mr." after a full
// stop opens the next sentence.
bool IsBareMarks(std::string_view tok) {
  if (tok.empty()) return false;
  for (std::size_t i = 0; i < tok.size();) {
    if (!IsTerminal(utf8::Decode(tok, i))) return false;
  }
  return true;
}

bool IsClosingToken(std::string_view tok) {
  std::size_t i = 0;
  char32_t c = utf8::Decode(tok, i);
  return i == tok.size() && (IsClosing(c) && c != 0x201C);
}

// The ASCII terminal marks ('.', '!', '?') as bits of one word.
constexpr std::uint64_t kAsciiTerminals = (std::uint64_t{1} << '.') | (std::uint64_t{1} << '!') | (std::uint64_t{1} << '?');

// Straight quotes open and close alike.
bool IsAmbiguousQuote(std::string_view tok) { return tok == "\"" || tok == "'"; }

}  // namespace

// Decides, after a terminal token at index t with the next word token at n,
// whether a sentence ends.
static bool EndsSentence(const Article& a, const Lexicon& lex, std::size_t t, std::size_t n,
                         std::size_t line_end_token) {
  if (n >= line_end_token) return true;
  std::string_view term = a.TokenText(a.tokens[t]);
  std::string_view next = a.TokenText(a.tokens[n]);
  char32_t first = FirstCp(next);
  // The next word must look like a sentence start.
  bool opener = IsOpening(first) || IsDash(first);
  if (opener && n + 1 < line_end_token) {
    first = FirstCp(a.TokenText(a.tokens[n + 1]));
  }
  // Nor does one start with a comma or other mark that continues a
  // sentence ("Sen. X (R-Tex.), who ...").
  if (IsLower(first) || first == ',' || first == ';' || first == ':' || first == ')' || first == ']' || first == '%') {
    return false;
  }
  bool starts = IsUpper(first) || IsDigit(first) || opener || !IsAlpha(first);
  if (!starts) return false;
  // "“Why not?” Kessar asked.": a question or exclamation closed by a
  // quotation mark, then its speaker's name and a verb of saying, is one
  // sentence, as "“Why not?” he asked." is; split, the quote loses its cue.
  const std::string_view after = n > t + 1 ? a.TokenText(a.tokens[t + 1]) : std::string_view();
  const bool quote_closed = after == "\"" || after == "\u201D" || after == "'" || after == "\u2019" || after == "\u00BB";
  if ((term == "?" || term == "!") && quote_closed && !opener && IsUpper(first)) {
    std::size_t k = n;
    while (k < line_end_token && k < n + 3 && IsUpper(FirstCp(a.TokenText(a.tokens[k])))) ++k;
    if (k > n && k < line_end_token && lex.IsSpeechTag(a.TokenText(a.tokens[k]))) return false;
  }
  if (term.size() > 1 && term.back() == '.' && term != "..." && LastCp(term) == '.') {
    // An abbreviation or initial that kept its full stop.
    std::size_t i = 0;
    char32_t c0 = utf8::Decode(term, i);
    bool initial = i + 1 == term.size() && IsUpper(c0);
    if (initial) return false;
    AbbrevClass cls = lex.Abbreviation(term);
    if (cls == AbbrevClass::kTitle || cls == AbbrevClass::kNumber) return false;
    // "in Helena, Mont. Officials said": a place's abbreviation closes its
    // phrase, so before a capital it ends the sentence; before a lower-case
    // word, a bracket or a figure it does not ("Mont. on Monday").
    if (cls == AbbrevClass::kPlace) return IsUpper(first);
    // "U.S.", "etc.", "Jan.": a sentence end only before a usual starter.
    return lex.IsSentenceStarter(next) || opener;
  }
  return true;
}

// Wire copy opens its first paragraph with a dateline ("NAIROBI, Jan 14
// (Agency) - Text"): place in capitals (or two, "MOSCOW/KYIV"), an optional date, an optional
// agency in brackets, a dash. Returns the index just after the dash when
// tokens [first, last) open that way, else first; the dateline is then a
// sentence of its own, so the parser never takes the place for a subject.
std::size_t DatelineEnd(const Article& a, std::size_t first, std::size_t last) {
  std::size_t t = first;
  auto word = [&](std::size_t k) { return a.TokenText(a.tokens[k]); };
  auto all_caps = [](std::string_view w) {
    bool letter = false;
    for (char c : w) {
      if (c >= 'a' && c <= 'z') return false;
      letter = letter || (c >= 'A' && c <= 'Z');
    }
    return letter && w.size() >= 2;
  };
  // Two places joined by a slash ("MOSCOW/KYIV") open a dateline too.
  while (t < last && t - first < 6 &&
         (all_caps(word(t)) || (t > first && word(t) == "/" && t + 1 < last && all_caps(word(t + 1))))) {
    ++t;
  }
  if (t == first || t >= last) return first;
  auto dash = [](std::string_view w) { return w == "-" || w == "\u2013" || w == "\u2014" || w == "--"; };
  // A place alone right before a dash ("BRUSSELS - Text", "NEW YORK —
  // Text") is a dateline when it is more than a short acronym and a
  // capitalised word follows; "EU - Russia talks" is not one.
  if (dash(word(t)) && t + 1 < last) {
    const bool long_enough = t - first >= 2 || word(first).size() >= 4;
    const std::string_view next = word(t + 1);
    if (long_enough && !next.empty() && next[0] >= 'A' && next[0] <= 'Z') return t + 1;
    return first;
  }
  if (word(t) != "," && word(t) != "(") return first;
  const std::size_t limit = std::min(last, first + 16);
  bool bracket = false;
  for (; t < limit; ++t) {
    std::string_view w = word(t);
    if (w == "(") bracket = true;
    if (w == ")") bracket = false;
    if (!bracket && (w == "-" || w == "\u2013" || w == "\u2014" || w == "--")) return t + 1 < last ? t + 1 : first;
    if (!bracket && (w == "." || w == "!" || w == "?")) return first;
  }
  return first;
}

void Segment(Article* article, const Lexicon& lexicon) {
  Article& a = *article;
  a.tokens.clear();
  a.sentences.clear();
  const std::string_view text = a.text;
  a.tokens.reserve(text.size() / 5 + 8);
  bool capped = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl == pos) {
      // An empty line (the clean stage puts one between paragraphs) has
      // no tokens and closes no sentence.
      pos = nl + 1;
      continue;
    }
    std::size_t first = a.tokens.size();
    TokenizeRange(text, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(nl), lexicon,
                  &a.tokens);
    std::size_t last = a.tokens.size();
    std::size_t s = first;
    const std::size_t dateline_end = DatelineEnd(a, first, last);
    auto close = [&](std::size_t end_tok) {
      // Cut overlong sentences so later stages stay linear.
      while (end_tok - s > kMaxSentenceTokens) {
        capped = true;
        std::size_t cut = s + kMaxSentenceTokens;
        a.sentences.push_back({a.tokens[s].begin, a.tokens[cut - 1].end,
                               static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(cut)});
        s = cut;
      }
      if (end_tok > s) {
        a.sentences.push_back({a.tokens[s].begin, a.tokens[end_tok - 1].end,
                               static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(end_tok)});
      }
      s = end_tok;
    };
    if (dateline_end > first) close(dateline_end);
    for (std::size_t t = s; t < last; ++t) {
      // Most tokens end in an ASCII byte, which is then their last code
      // point: terminal only if it is '.', '!' or '?' (all below 64, so a
      // bit of one word). The rest decode their last code point.
      const Token& token = a.tokens[t];
      if (token.end == token.begin) continue;
      const auto last_byte = static_cast<unsigned char>(text[token.end - 1]);
      if (last_byte < 0x80) {
        if (last_byte >= 64 || !((kAsciiTerminals >> last_byte) & 1)) continue;
      } else if (!IsTerminalToken(a.TokenText(token))) {
        continue;
      }
      // Closing quotes and brackets after the mark belong to this sentence;
      // a straight quote after a space opens the next one ('failed. "We').
      std::size_t n = t + 1;
      while (n < last && IsClosingToken(a.TokenText(a.tokens[n])) &&
             !(a.tokens[n - 1].space_after && IsAmbiguousQuote(a.TokenText(a.tokens[n])))) {
        ++n;
      }
      // More terminal marks ("?!", "..." after "?") stay too.
      while (n < last && IsBareMarks(a.TokenText(a.tokens[n])) && a.TokenText(a.tokens[n]).size() <= 3) {
        ++n;
        while (n < last && IsClosingToken(a.TokenText(a.tokens[n]))) ++n;
      }
      if (EndsSentence(a, lexicon, t, n, last)) {
        close(n);
        t = n - 1;
      }
    }
    close(last);
    pos = nl + 1;
  }
  if (capped) {
    a.warnings.push_back("a run of more than " + std::to_string(kMaxSentenceTokens) +
                         " tokens without a sentence end was cut into shorter sentences");
  }
  std::size_t long_tokens = 0, longest = 0;
  for (const Token& tok : a.tokens) {
    const std::size_t len = tok.end - tok.begin;
    if (len > kLongTokenBytes) ++long_tokens;
    longest = std::max(longest, len);
  }
  if (long_tokens > 0) {
    a.warnings.push_back(std::to_string(long_tokens) + " token(s) longer than " + std::to_string(kLongTokenBytes) +
                         " bytes without a space (the longest " + std::to_string(longest) +
                         "): a URL, encoded data or script left in the text?");
  }
}

}  // namespace sitrep::text
