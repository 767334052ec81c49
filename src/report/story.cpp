// Story sections about what happened and who reported it: summary,
// timeline, outlets side by side, agreements and disagreements.
#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>

#include "events/events.h"
#include "report/html.h"
#include "report/render.h"
#include "report/svg.h"

namespace sitrep::report {
namespace {

std::string Fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", v);
  return buf;
}

void Tag(std::string* out, const char* open, std::string_view text, const char* close) {
  *out += open;
  AppendEscaped(text, out);
  *out += close;
}

std::string ActorName(const ActorRef& a) {
  if (!a.present) return {};
  if (!a.name.empty()) return a.name;
  return a.actor_code;
}

}  // namespace

StoryContext::StoryContext(const OutputFolder& f, const StoryRow& s) : folder(f), story(s) {
  for (const std::string& id : s.articles) {
    auto it = f.articles.find(id);
    std::string name;
    if (it != f.articles.end()) {
      name = !it->second.outlet.empty() ? it->second.outlet
             : !it->second.title.empty() ? "\u201c" + Shorten(it->second.title, 40) + "\u201d"
                                         : "unknown outlet (" + id.substr(0, 9) + ")";
    } else {
      name = id;
    }
    outlet_of[id] = name;
  }
}

std::string StoryContext::Outlet(const std::string& article_id) const {
  auto it = outlet_of.find(article_id);
  return it == outlet_of.end() ? article_id : it->second;
}

std::string StoryContext::Outlets(const std::vector<std::string>& article_ids) const {
  std::vector<std::string> seen;
  for (const auto& id : article_ids) {
    std::string o = Outlet(id);
    if (std::find(seen.begin(), seen.end(), o) == seen.end()) seen.push_back(o);
  }
  std::string out;
  for (const auto& o : seen) out += (out.empty() ? "" : ", ") + o;
  return out;
}

std::string ActionName(const std::string& cameo) {
  const events::Codebook& book = events::Codebook::Default();
  for (std::size_t n = cameo.size(); n >= 2; --n) {
    if (const events::CodeInfo* info = book.Find(std::string_view(cameo).substr(0, n))) return info->name;
  }
  // Roots have no line of their own in the codebook; their "x0" code names them.
  if (cameo.size() >= 2) {
    if (const events::CodeInfo* info = book.Find(cameo.substr(0, 2) + "0")) return info->name;
  }
  return cameo.empty() ? "event" : "CAMEO " + cameo;
}

std::string EventLabel(const EventRow& e) {
  std::string s = ActorName(e.source);
  if (s.empty()) s = "someone";
  if (e.target.present) s += " \u2192 " + ActorName(e.target);
  s += ": ";
  if (e.negated) s += "not ";
  s += ActionName(e.cameo);
  return s;
}

void AppendSummary(const StoryContext& c, std::string* out) {
  if (c.story.summary.empty()) return;
  *out += "<section class=\"summary\"><h3>Summary</h3><ul>";
  for (const SummarySentence& s : c.story.summary) {
    *out += "<li>";
    AppendEscaped(s.text, out);
    Tag(out, " <span class=\"src\">", c.Outlet(s.article), "</span>");
    *out += "</li>";
  }
  *out += "</ul></section>";
}

void AppendTimeline(const StoryContext& c, std::string* out) {
  std::vector<const EventRow*> events;
  for (const std::string& id : c.story.events) {
    auto it = c.folder.events.find(id);
    if (it != c.folder.events.end()) events.push_back(&it->second);
  }
  if (events.empty()) return;
  // By day on the chart's axis: a week or a month ("2022-W03") sorts as
  // text after the days of that week, but belongs beside them.
  auto day = [](const EventRow* e) {
    long d = 0;
    return DayNumber(e->date, &d) ? d : std::numeric_limits<long>::max();
  };
  std::stable_sort(events.begin(), events.end(), [&](const EventRow* a, const EventRow* b) { return day(a) < day(b); });
  std::vector<TimelineItem> items;
  for (const EventRow* e : events) {
    std::string tip = (e->date.empty() ? std::string("undated") : e->date) + "\n" + EventLabel(*e) + "\nCAMEO " +
                      e->cameo + ", Goldstein " + Fixed1(e->goldstein);
    if (!e->location.empty()) tip += "\nin " + e->location;
    tip += "\nreported by " + c.Outlets(e->articles);
    if (e->attributed) tip += "\n(only as someone's claim)";
    items.push_back({e->date, EventLabel(*e), tip, e->goldstein});
  }
  *out += "<section class=\"timeline\"><h3>Timeline <span class=\"count\">" + std::to_string(events.size()) +
          (events.size() == 1 ? " event" : " events") + "</span></h3>";
  *out += TimelineSvg(items);
  *out += "<details><summary>Events as a table</summary><table><thead><tr><th>Date</th><th>Source</th><th>Action</th>"
          "<th>Target</th><th>Where</th><th class=\"num\">Goldstein</th><th>Reported by</th></tr></thead><tbody>";
  for (const EventRow* e : events) {
    *out += "<tr>";
    Tag(out, "<td class=\"nowrap\">", e->date.empty() ? "undated" : e->date, "</td>");
    Tag(out, "<td>", ActorName(e->source), "</td>");
    Tag(out, "<td>", (e->negated ? "not " : "") + ActionName(e->cameo), "");
    Tag(out, " <span class=\"code\">", e->cameo, "</span></td>");
    Tag(out, "<td>", ActorName(e->target), "</td>");
    Tag(out, "<td>", e->location, "</td>");
    *out += "<td class=\"num\"><span class=\"dot\" style=\"background:" + GoldsteinColour(e->goldstein) + "\"></span>" +
            Fixed1(e->goldstein) + "</td>";
    Tag(out, "<td>", c.Outlets(e->articles), "</td></tr>");
  }
  *out += "</tbody></table></details></section>";
}

void AppendOutlets(const StoryContext& c, std::string* out) {
  // One card per outlet (an article without a known outlet has its own),
  // in the order of the story's first article from each.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const ArticleRow*>> by_outlet;
  for (const std::string& id : c.story.articles) {
    auto it = c.folder.articles.find(id);
    if (it == c.folder.articles.end()) continue;
    std::string o = c.Outlet(id);
    if (!by_outlet.count(o)) order.push_back(o);
    by_outlet[o].push_back(&it->second);
  }
  if (order.empty()) return;
  std::map<std::string, const UniqueByOutlet*> unique;
  for (const UniqueByOutlet& u : c.story.unique_by_outlet) unique[u.outlet] = &u;

  *out += "<section class=\"outlets\"><h3>The outlets side by side</h3><div class=\"cards\">";
  for (const std::string& o : order) {
    *out += "<div class=\"card\">";
    Tag(out, "<h4>", o, "</h4>");
    for (const ArticleRow* a : by_outlet[o]) {
      Tag(out, "<p class=\"atitle\">", a->title.empty() ? "(untitled)" : a->title, "");
      Tag(out, " <span class=\"date\">", a->published.empty() ? "undated" : a->published, "</span></p>");
    }
    // Figures, names, titles and dates this outlet gave where the outlets disagree.
    std::string figures;
    for (const Claim& d : c.story.disagreements) {
      for (const Reading& r : d.readings) {
        // The figure in this outlet's own words: the reading's texts are
        // every outlet's, and another's hedge ("at least") is not this one's.
        bool mine = false;
        std::vector<std::string> own;
        for (std::size_t k = 0; k < r.articles.size(); ++k) {
          if (c.Outlet(r.articles[k]) != o) continue;
          mine = true;
          if (k < r.article_texts.size() && std::find(own.begin(), own.end(), r.article_texts[k]) == own.end())
            own.push_back(r.article_texts[k]);
        }
        if (!mine) continue;
        if (own.empty()) own.push_back(r.texts.size() == 1 ? r.texts.front() : r.value);
        figures += "<li>";
        AppendEscaped(d.claim, &figures);
        figures += ": <b>";
        for (std::size_t k = 0; k < own.size(); ++k) {
          if (k) figures += "; ";
          AppendEscaped(own[k], &figures);
        }
        figures += "</b></li>";
      }
    }
    if (!figures.empty()) *out += "<p class=\"k\">What it gives where the outlets differ</p><ul class=\"adds\">" + figures + "</ul>";
    auto u = unique.find(o);
    if (u != unique.end()) {
      const UniqueByOutlet& x = *u->second;
      std::string adds;
      std::size_t shown = 0;
      std::string names;
      for (const auto& id : x.entities) {
        auto e = c.folder.entities.find(id);
        if (e == c.folder.entities.end()) continue;
        if (++shown > 8) break;
        names += (names.empty() ? "" : ", ") + e->second.name;
      }
      if (!names.empty()) {
        Tag(&adds, "<li><span class=\"k\">Names</span> ", names, "");
        if (x.entities.size() > 8) adds += " and " + std::to_string(x.entities.size() - 8) + " more";
        adds += "</li>";
      }
      shown = 0;
      for (const auto& id : x.quotes) {
        auto q = c.folder.quotes.find(id);
        if (q == c.folder.quotes.end() || ++shown > 3) continue;
        std::string who = !q->second.speaker_name.empty() ? q->second.speaker_name : q->second.speaker_description;
        Tag(&adds, "<li><span class=\"k\">Quote</span> \u201c", Shorten(q->second.text, 140), "\u201d");
        if (!who.empty()) Tag(&adds, " <span class=\"src\">", who, "</span>");
        adds += "</li>";
      }
      shown = 0;
      for (const auto& id : x.events) {
        auto e = c.folder.events.find(id);
        if (e == c.folder.events.end() || ++shown > 4) continue;
        Tag(&adds, "<li><span class=\"k\">Event</span> ", EventLabel(e->second), "");
        if (!e->second.date.empty()) Tag(&adds, " <span class=\"date\">", e->second.date, "</span>");
        adds += "</li>";
      }
      std::size_t more = (x.quotes.size() > 3 ? x.quotes.size() - 3 : 0) + (x.events.size() > 4 ? x.events.size() - 4 : 0);
      if (more) adds += "<li class=\"muted\">and " + std::to_string(more) + " more quotes and events</li>";
      if (!adds.empty()) *out += "<p class=\"k\">Only here</p><ul class=\"adds\">" + adds + "</ul>";
    }
    *out += "</div>";
  }
  *out += "</div></section>";
}

void AppendClaims(const StoryContext& c, std::string* out) {
  const StoryRow& s = c.story;
  if (s.agreements.empty() && s.disagreements.empty()) return;
  *out += "<section class=\"claims\"><h3>Agreements and disagreements</h3>";
  auto table = [&](const std::vector<Claim>& claims, const char* cls, const char* heading) {
    if (claims.empty()) return;
    *out += std::string("<h4 class=\"") + cls + "\">" + heading + "</h4><table class=\"" + cls +
            "\"><thead><tr><th>Claim</th><th>Kind</th><th>Values and who gives them</th></tr></thead><tbody>";
    for (const Claim& k : claims) {
      *out += "<tr>";
      Tag(out, "<td>", k.claim, "</td>");
      Tag(out, "<td class=\"muted\">", k.kind, "</td><td>");
      if (!k.readings.empty()) {
        *out += "<ul class=\"vals\">";
        for (const Reading& r : k.readings) {
          Tag(out, "<li><b>", r.value, "</b>");
          std::string texts;
          for (const auto& t : r.texts) {
            if (t != r.value) texts += (texts.empty() ? "" : "; ") + t;
          }
          if (!texts.empty()) Tag(out, " <span class=\"muted\">(", texts, ")</span>");
          Tag(out, " \u2014 ", c.Outlets(r.articles), "");
          if (!r.first_reported.empty()) Tag(out, " <span class=\"muted\">from ", r.first_reported, "</span>");
          *out += "</li>";
        }
        *out += "</ul>";
        // A figure that only grew (or shrank) from day to day was updated,
        // not contradicted: say so beside the figures.
        if (k.trend == "rising") *out += "<div class=\"muted\">Each later report gives a figure at least as high: an update over time.</div>";
        if (k.trend == "falling") *out += "<div class=\"muted\">Each later report gives a figure at least as low: a revision over time.</div>";
        // Outlets that gave different figures on one day dispute the count
        // then, whatever the trend says of the days between.
        if (!k.trend.empty() && !k.disputed_on.empty()) {
          std::string days;
          for (const auto& d : k.disputed_on) days += (days.empty() ? "" : ", ") + d;
          Tag(out, "<div class=\"muted\">Outlets gave different figures on the same day, a dispute: ", days, "</div>");
        }
        if (k.compatible) {
          *out += "<div class=\"muted\">Read with their hedges, these figures can all be true: they differ without "
                  "contradicting each other.</div>";
        }
      } else {
        *out += "<ul class=\"vals\">";
        for (const auto& v : k.values) Tag(out, "<li>", Shorten(v, 220), "</li>");
        *out += "</ul>";
        Tag(out, "<div class=\"src\">", c.Outlets(k.articles), "</div>");
      }
      *out += "</td></tr>";
    }
    *out += "</tbody></table>";
  };
  table(s.disagreements, "dis", "Where they differ");
  table(s.agreements, "agr", "What they say alike");
  *out += "</section>";
}

}  // namespace sitrep::report
