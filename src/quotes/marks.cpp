#include <algorithm>
#include <cstdint>

#include "core/utf8.h"
#include "quotes/quotes.h"

namespace sitrep::quotes {
namespace {

enum class Family : std::uint8_t { kDouble, kSingle };

struct Open {
  Family family;
  char32_t mark;         // the opening character
  std::uint32_t inner;   // byte offset where the quoted text starts
};

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == 0 || c == 0xA0; }

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  // Letters beyond ASCII; quotation marks and punctuation are below 0x2000
  // or in the 0x2000 block and handled before this is asked.
  return !(c >= 0x2000 && c <= 0x206F) && c != 0xAB && c != 0xBB;
}

// Characters after which a straight or single mark opens a quote.
bool OpensAfter(char32_t p) {
  return IsSpace(p) || p == '(' || p == '[' || p == '{' || p == 0x2014 || p == 0x2013 || p == '-' ||
         p == '/' || p == 0x201C || p == 0x201E || p == 0xAB || p == '"' || p == ':';
}

// After "states’ " inside a single quote: another closing single mark
// later in the paragraph (before any opening one, within a sentence or
// two) means this one was a plural possessive, not the close.
bool LaterCloser(std::string_view text, std::size_t from) {
  std::size_t end = std::min(text.size(), from + 400);
  char32_t prev = ' ';
  for (std::size_t i = from; i < end;) {
    char32_t c = utf8::Decode(text, i);
    if (c == '\n' || c == 0x2018) return false;
    if ((c == 0x2019 || c == '\'') && !IsSpace(prev)) {
      std::size_t k = i;
      char32_t next = k < text.size() ? utf8::Decode(text, k) : 0;
      if (!IsWordChar(next) && !(prev == 's' && next == ' ')) return true;
    }
    prev = c;
  }
  return false;
}

}  // namespace

std::vector<MarkedQuote> ScanQuoteMarks(std::string_view text) {
  std::vector<MarkedQuote> out;
  std::vector<Open> stack;
  MarkedQuote current;        // parts gathered so far for the bottom quote
  bool low_german = false;    // the bottom quote opened with „, so “ closes it
  std::size_t i = 0;
  char32_t prev = 0;
  const std::size_t n = text.size();

  auto peek = [&](std::size_t at) -> char32_t {
    if (at >= n) return 0;
    std::size_t k = at;
    return utf8::Decode(text, k);
  };
  auto open = [&](Family f, char32_t mark, std::uint32_t at, std::uint32_t after) {
    if (stack.empty()) {
      current = MarkedQuote();
      current.open = at;
      current.single = f == Family::kSingle;
      low_german = mark == 0x201E;
    }
    stack.push_back({f, mark, after});
  };
  // Closes the innermost open quote of family f (dropping unclosed inner
  // single quotes); emits it when it is the outermost.
  auto close = [&](Family f, std::uint32_t at, std::uint32_t after) {
    std::size_t k = stack.size();
    while (k > 0 && stack[k - 1].family != f) --k;
    if (k == 0) return false;
    std::uint32_t inner = stack[k - 1].inner;
    stack.resize(k - 1);
    if (stack.empty()) {
      current.parts.push_back({inner, at});
      current.close_end = after;
      out.push_back(std::move(current));
      current = MarkedQuote();
    }
    return true;
  };
  auto has_open = [&](Family f) {
    for (const Open& o : stack) {
      if (o.family == f) return true;
    }
    return false;
  };
  auto straight_open = [&]() {
    for (const Open& o : stack) {
      if (o.mark == '"') return true;
    }
    return false;
  };

  while (i < n) {
    std::uint32_t at = static_cast<std::uint32_t>(i);
    char32_t c = utf8::Decode(text, i);
    std::uint32_t after = static_cast<std::uint32_t>(i);
    if (c == '\n') {
      if (!stack.empty()) {
        // A paragraph ends inside a quote: it goes on only if the next
        // paragraph opens with a mark of the bottom quote's family.
        std::size_t j = i;
        while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n')) ++j;
        char32_t next = peek(j);
        bool dbl_next = next == 0x201C || next == 0x201E || next == 0xAB || next == '"';
        bool sgl_next = next == 0x2018 || next == '\'';
        Family bottom = stack.front().family;
        if ((bottom == Family::kDouble && dbl_next) || (bottom == Family::kSingle && sgl_next)) {
          std::uint32_t end = at;
          while (end > stack.front().inner && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
          current.parts.push_back({stack.front().inner, end});
          // Resume right after the next paragraph's opening mark.
          std::size_t k = j;
          utf8::Decode(text, k);
          Open bottom_open = stack.front();
          bottom_open.inner = static_cast<std::uint32_t>(k);
          stack.assign(1, bottom_open);
          i = k;
          prev = next;
          continue;
        }
        stack.clear();
        current = MarkedQuote();
      }
      prev = c;
      continue;
    }
    char32_t next = peek(i);
    // Two apostrophes are a double quotation mark in some house styles
    // (''We will,'' she said) and in text converted from ``TeX'' quotes.
    if ((c == '\'' && next == '\'') || (c == '`' && next == '`')) {
      ++i;
      after = static_cast<std::uint32_t>(i);
      next = peek(i);
      c = '"';
    }
    switch (c) {
      case 0x201C:  // “ opens, except that it closes a German „, or a typo'd close (“It’s late,“ he said)
        if (!stack.empty() && has_open(Family::kDouble) && !IsSpace(prev) &&
            (low_german || IsSpace(next) || next == ',' || next == '.' || next == 0)) {
          close(Family::kDouble, at, after);
        } else {
          open(Family::kDouble, c, at, after);
        }
        break;
      case 0x201E:  // „
      case 0xAB:    // «
        open(Family::kDouble, c, at, after);
        break;
      case 0x201D:  // ”
      case 0xBB:    // »
        close(Family::kDouble, at, after);
        break;
      case '"':
        // Straight quotes do not nest, so one is open: this closes it.
        if (straight_open()) {
          close(Family::kDouble, at, after);
        } else if (has_open(Family::kDouble) && !IsSpace(prev) && !IsWordChar(next) && next != '"' &&
                   (IsSpace(next) || next == 0 || next == ',' || next == '.' || next == ';' || next == ')' ||
                    next == 0x2014)) {
          // “A curly quote closed with a straight mark." (text edited in
          // two tools): where a closing mark stands, it closes.
          close(Family::kDouble, at, after);
        } else if (OpensAfter(prev) && !IsSpace(next)) {
          open(Family::kDouble, c, at, after);
        }
        break;
      case 0x2018:  // ‘ opens a single quote unless it stands inside a word (‘90s stays)
        if (!IsWordChar(prev) && IsWordChar(next)) open(Family::kSingle, c, at, after);
        break;
      case 0x201A:  // ‚ (German low single)
        open(Family::kSingle, c, at, after);
        break;
      case 0x2019:  // ’ closes an open single quote, else it is an apostrophe
      case '\'':
        if (has_open(Family::kSingle) && !IsSpace(prev) && !IsWordChar(next) &&
            !(prev == 's' && next == ' ' && LaterCloser(text, i))) {
          close(Family::kSingle, at, after);
        } else if (c == '\'' && OpensAfter(prev) && IsWordChar(next)) {
          open(Family::kSingle, c, at, after);
        }
        break;
      default:
        break;
    }
    prev = c;
  }
  return out;
}

}  // namespace sitrep::quotes
