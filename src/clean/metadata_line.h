// Reading one line as metadata: "Source: X", a dateline, a byline, or
// several of them separated by bars or dots ("By A. Name | 12 Jan 2022").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clean/cues.h"
#include "clean/lines.h"

namespace sitrep::clean {

struct MetadataLine {
  std::optional<std::string> outlet;
  std::optional<std::string> date;  // ISO
  bool date_is_update = false;      // "Updated ..." rather than "Published ..."
  std::optional<std::string> author;
  std::optional<std::string> name_beside;  // a short name next to the date ("Outlet · 13 Jan 2022")
  // The headline a news archive's record gives ("HEADLINE: ...").
  std::optional<std::string> title;
  // "metadata: source" / "metadata: date" / "metadata: byline" /
  // "metadata: archive field" (a field of a news archive's record:
  // "SECTION: ...", "LENGTH: 812 words", "LOAD-DATE: ...") / "title"
  const char* why = nullptr;
};

// Parses line as metadata. in_header says whether the line stands among the
// first lines of the article, where a bare "Name, Correspondent" is a byline.
// Returns nullopt when any part of the line is not metadata.
std::optional<MetadataLine> ParseMetadataLine(std::string_view line, bool in_header,
                                              const CueLexicon& lex);

// "Anna Lindqvist" or "A. Lindqvist and B. Moreau": the string trimmed, if
// every word is a capitalised name word or a name particle; else nullopt.
std::optional<std::string> AsNames(std::string_view s);

// The outlet a header line names for itself: "X News, City",
// "X - English Edition", "X Radio". The first segment must be a name and
// some word of the line an outlet word (data/clean/metadata.tsv).
std::optional<std::string> BrandLine(std::string_view line, const CueLexicon& lex);
// The same, given the line's features (equal to Features(line)), which a
// caller that has them need not compute again.
std::optional<std::string> BrandLine(std::string_view line, const CueLexicon& lex, const LineFeatures& f);

// The outlet an article names for itself, found in its trimmed non-empty
// lines. Most trusted first: a "Source: X" line, a "More from X" header, a
// name next to the dateline, a brand line among the first lines, the holder
// of a copyright line less company suffixes.
// parsed, if given, holds ParseMetadataLine(lines[i], i < 12, lex) for
// every line (nullopt where it was not tried), so a caller that parsed the
// lines already does not pay twice; keys, if given, holds LineKey(lines[i])
// for every line, and features, if given, Features(lines[i]), for the same
// reason.
std::optional<std::string> FindOutlet(const std::vector<std::string_view>& lines, const CueLexicon& lex,
                                      const std::vector<std::optional<MetadataLine>>* parsed = nullptr,
                                      const std::vector<std::string_view>* keys = nullptr,
                                      const std::vector<LineFeatures>* features = nullptr);

// A byline name without honorifics ("Dr. Katrin Vollmer" -> "Katrin Vollmer").
std::string StripHonorifics(std::string_view name);

}  // namespace sitrep::clean
