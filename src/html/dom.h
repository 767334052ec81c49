// The parsed HTML tree: gumbo's HTML5 parser over an arena, with nesting
// capped so that no later walk (ours or the parser's) runs deep.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::html {

// Deeper nesting than this is flattened before parsing. Real pages stay far
// below it; a page nested 100,000 deep would otherwise make the parser's
// scope checks quadratic.
inline constexpr int kMaxNesting = 400;

// Returns html ready for the parser: start tags beyond kMaxNesting open
// elements (and their end tags) removed, text kept; and comments, style
// sheets and scripts other than JSON-LD cut out, since they are never text
// and often most of a page's bytes. *capped says whether nesting was cut.
// Returns the input itself (no copy) when nothing was cut.
// With texts, stretches of text between tags (8 bytes or more, valid UTF-8,
// no entity references) are also replaced by stand-ins of two private-use
// characters, their text appended to *texts (views into html); Document
// restores them in the tree. Pages that already hold such characters are
// left as they are.
std::string_view CapNesting(std::string_view html, std::string* storage, bool* capped,
                            std::vector<std::string_view>* texts = nullptr);

class Document {
 public:
  // Parses UTF-8 html (invalid bytes become U+FFFD, broken markup is
  // repaired as a browser would). Never fails: any input yields a tree.
  explicit Document(std::string_view utf8);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const GumboNode* root() const;
  bool nesting_capped() const { return capped_; }

  struct Arena;

 private:
  void Restore(const std::vector<std::string_view>& texts);

  std::unique_ptr<Arena> arena_;
  std::string storage_;
  GumboOutput* output_ = nullptr;
  bool capped_ = false;
};

// The value of attribute `name` on an element, or "" if absent.
std::string_view Attr(const GumboNode* n, const char* name);
bool HasAttr(const GumboNode* n, const char* name);

// True for elements that start a new block of text when rendered.
bool IsBlockTag(GumboTag t);

// Appends the visible text of n's subtree to *out with whitespace collapsed
// and blocks separated by "\n"; script, style and the like are skipped.
// Iterative, so any depth is safe.
void AppendText(const GumboNode* n, std::string* out);

// Lowercases ASCII.
std::string LowerAscii(std::string_view s);

// Collapses runs of whitespace to one space and trims.
std::string CollapseSpace(std::string_view s);

}  // namespace sitrep::html
