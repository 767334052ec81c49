// Markdown to plain lines: headings, emphasis, links and list markers are
// unwrapped; images and rules are dropped with a reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::clean {

struct MarkdownLine {
  std::string text;       // the line as plain text
  std::string raw;        // the line as written
  int heading_level = 0;  // 1 for "# Title"
  std::string why;        // non-empty: drop the line for this reason
};

// Splits markdown into non-empty plain-text lines.
std::vector<MarkdownLine> MarkdownToLines(std::string_view md);

}  // namespace sitrep::clean
