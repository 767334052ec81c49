#include "clean/markdown.h"

namespace sitrep::clean {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Unwraps inline markup: [text](url) -> text, **b** / __b__ -> b, `c` -> c.
// Single * and _ are left alone: they occur in plain text too.
std::string Inline(std::string_view s, bool* only_image) {
  std::string out;
  out.reserve(s.size());
  bool image = false, other = false;
  for (std::size_t i = 0; i < s.size();) {
    bool bang = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (s[i] == '[' || bang) {
      std::size_t open = bang ? i + 1 : i;
      std::size_t close = s.find(']', open);
      if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
        std::size_t end = s.find(')', close);
        if (end != std::string_view::npos) {
          if (bang) {
            image = true;
          } else {
            out.append(s.substr(open + 1, close - open - 1));
            other = true;
          }
          i = end + 1;
          continue;
        }
      }
    }
    if ((s.compare(i, 2, "**") == 0 || s.compare(i, 2, "__") == 0)) {
      i += 2;
      continue;
    }
    if (s[i] == '`') {
      ++i;
      continue;
    }
    if (s[i] != ' ') other = true;
    out.push_back(s[i]);
    ++i;
  }
  *only_image = image && Trim(out).empty();
  (void)other;
  return std::string(Trim(out));
}

}  // namespace

std::vector<MarkdownLine> MarkdownToLines(std::string_view md) {
  std::vector<MarkdownLine> out;
  std::size_t pos = 0;
  bool fence = false;
  while (pos < md.size()) {
    std::size_t nl = md.find('\n', pos);
    if (nl == std::string_view::npos) nl = md.size();
    std::string_view raw = Trim(md.substr(pos, nl - pos));
    pos = nl + 1;
    if (raw.empty()) continue;
    MarkdownLine l;
    l.raw = std::string(raw);
    if (raw.starts_with("```") || raw.starts_with("~~~")) {
      fence = !fence;
      continue;
    }
    std::string_view s = raw;
    if (!fence) {
      if (s.find_first_not_of("-*_ ") == std::string_view::npos && s.size() >= 3) {
        l.why = "stray punctuation";  // a horizontal rule
        l.text = l.raw;
        out.push_back(std::move(l));
        continue;
      }
      std::size_t hashes = 0;
      while (hashes < s.size() && s[hashes] == '#') ++hashes;
      if (hashes > 0 && hashes <= 6 && hashes < s.size() && s[hashes] == ' ') {
        l.heading_level = static_cast<int>(hashes);
        s = Trim(s.substr(hashes));
        while (!s.empty() && s.back() == '#') s.remove_suffix(1);
        s = Trim(s);
      }
      while (!s.empty() && s.front() == '>') s = Trim(s.substr(1));
    }
    bool only_image = false;
    l.text = Inline(s, &only_image);
    // A whole line in single emphasis ("*Outlet, 12 January 2022*") is a
    // styled line, often a byline or date line: its text is what is inside.
    // Single marks elsewhere stay, as in plain text.
    for (char mark : {'*', '_'}) {
      const std::string& t = l.text;
      if (t.size() > 2 && t.front() == mark && t.back() == mark && t[1] != mark && t[t.size() - 2] != mark &&
          t.find(mark, 1) == t.size() - 1) {
        l.text = std::string(Trim(std::string_view(t).substr(1, t.size() - 2)));
      }
    }
    if (only_image) {
      l.why = "image";
      l.text = l.raw;
    }
    if (l.text.empty()) continue;
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace sitrep::clean
