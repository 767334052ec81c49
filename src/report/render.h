// The page and its per-story sections (internal to the report stage).
#pragma once

#include <map>
#include <string>

#include "report/load.h"

namespace sitrep::report {

// What the sections of one story share: the folder and how to name an
// article's outlet.
struct StoryContext {
  const OutputFolder& folder;
  const StoryRow& story;
  // Article id -> its outlet, or its title when the outlet is unknown.
  std::map<std::string, std::string> outlet_of;

  StoryContext(const OutputFolder& f, const StoryRow& s);
  std::string Outlet(const std::string& article_id) const;
  // Distinct outlets of the articles, in order of first appearance.
  std::string Outlets(const std::vector<std::string>& article_ids) const;
};

// Label of a CAMEO code from the codebook ("0431" -> "engage in ..."),
// falling back to the nearest shorter code, then to the code itself.
std::string ActionName(const std::string& cameo);

// "Source -> Target: action" for an event (plain text).
std::string EventLabel(const EventRow& e);

// Sections of story.cpp and people.cpp; each appends escaped HTML.
void AppendSummary(const StoryContext& c, std::string* out);
void AppendTimeline(const StoryContext& c, std::string* out);
void AppendOutlets(const StoryContext& c, std::string* out);
void AppendClaims(const StoryContext& c, std::string* out);
void AppendQuotes(const StoryContext& c, std::string* out);
void AppendActors(const StoryContext& c, std::string* out);
void AppendNetwork(const StoryContext& c, std::string* out);

// The whole page.
std::string RenderPage(const OutputFolder& folder, const std::string& generator);

}  // namespace sitrep::report
