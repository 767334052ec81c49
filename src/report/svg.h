// The report's two charts as inline SVG, laid out in C++ so the page needs
// no script and prints as it shows. Both layouts are deterministic: the
// same output folder gives the same bytes.
#pragma once

#include <string>
#include <vector>

namespace sitrep::report {

// Colour of a Goldstein score (-10 conflict .. +10 cooperation) on a
// red-grey-green scale, as "#rrggbb".
std::string GoldsteinColour(double goldstein);

struct TimelineItem {
  std::string date;     // ISO date of any precision, or "" when unknown
  std::string label;    // short text beside the mark (plain text)
  std::string tooltip;  // hover title (plain text, may hold newlines)
  double goldstein = 0;
};

// A timeline: one row per item in the given order, x the date (days for
// full dates, the first day of a month or ISO week for coarser ones),
// undated items in a column of their own at the right. Shows at most
// max_items rows and says how many were left out. "" for no items.
std::string TimelineSvg(const std::vector<TimelineItem>& items, std::size_t max_items = 40);

struct NetworkEdge {
  std::string source_key, source_label;
  std::string target_key, target_label;  // target_key "" for an event without a target
  double goldstein = 0;
};

// Who acted on whom: actors on a circle (the busiest first, clockwise
// from the top), one arrow per ordered pair of actors coloured by the
// mean Goldstein score of its events, thicker for more events; the two
// directions of a pair bend apart so both stay visible. Keeps the
// max_nodes busiest actors. "" when there are no actors.
std::string NetworkSvg(const std::vector<NetworkEdge>& edges, std::size_t max_nodes = 24);

// Days since 1970-01-01 of an ISO date ("2022-01-12", "2022-01",
// "2022-W02", "2022"), or false when it is not one.
bool DayNumber(const std::string& iso, long* day);

}  // namespace sitrep::report
