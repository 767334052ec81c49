// Story sections about the people and organisations: key quotes by
// speaker, the actors and their roles, and who acted on whom.
#include <algorithm>
#include <cctype>
#include <numeric>
#include <set>

#include "core/union_find.h"
#include "report/html.h"
#include "report/render.h"
#include "report/svg.h"

namespace sitrep::report {
namespace {

void Tag(std::string* out, const char* open, std::string_view text, const char* close) {
  *out += open;
  AppendEscaped(text, out);
  *out += close;
}

// One quotation as carried by one or more articles (joined by same_as).
struct QuoteCluster {
  std::vector<const QuoteRow*> quotes;
  const QuoteRow* shown = nullptr;
  std::string outlets;
  std::size_t outlet_count = 0;
};

struct Speaker {
  std::string name, detail;
  std::vector<QuoteCluster> clusters;
  std::size_t reach = 0;  // the most outlets any of its quotes reached
};

std::string Join(const std::vector<std::string>& v, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < max; ++i) out += (i ? ", " : "") + v[i];
  if (v.size() > max) out += ", \u2026";
  return out;
}

// Lower-case ASCII words (other bytes kept as they are), for comparing
// wordings of one quotation.
std::set<std::string> Words(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(c)));
    } else if (!w.empty()) {
      out.insert(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.insert(std::move(w));
  return out;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

void AppendActorRows(const std::vector<const EntityRow*>& rows, const StoryContext& c,
                     const std::map<std::string, std::pair<int, int>>& in_events, std::string* out) {
  *out += "<table class=\"actors\"><thead><tr><th>Name</th><th>Type</th><th>Country</th><th>CAMEO actor</th>"
          "<th>Roles</th><th class=\"num\">Acts / acted on</th><th>Named by</th></tr></thead><tbody>";
  for (const EntityRow* e : rows) {
    *out += "<tr>";
    Tag(out, "<td><b>", e->name, "</b></td>");
    Tag(out, "<td><span class=\"type\">", e->type, "</span></td>");
    Tag(out, "<td>", e->country, "</td>");
    Tag(out, "<td class=\"code\">", e->actor_code, "</td>");
    Tag(out, "<td>", Join(e->roles, 4), "</td>");
    auto it = in_events.find(e->id);
    *out += "<td class=\"num\">" +
            (it == in_events.end() ? std::string("\u2013")
                                   : std::to_string(it->second.first) + " / " + std::to_string(it->second.second)) +
            "</td>";
    std::vector<std::string> mine;
    for (const auto& a : e->articles) {
      if (c.outlet_of.count(a)) mine.push_back(a);
    }
    Tag(out, "<td class=\"src\">", c.Outlets(mine), "</td></tr>");
  }
  *out += "</tbody></table>";
}

}  // namespace

void AppendQuotes(const StoryContext& c, std::string* out) {
  std::vector<const QuoteRow*> quotes;
  std::map<std::string, std::size_t> index;
  for (const auto& [id, q] : c.folder.quotes) {
    if (!c.outlet_of.count(q.article)) continue;
    index[id] = quotes.size();
    quotes.push_back(&q);
  }
  if (quotes.empty()) return;
  UnionFind uf(quotes.size());
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    for (const auto& other : quotes[i]->same_as) {
      auto it = index.find(other);
      if (it != index.end()) uf.Unite(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(it->second));
    }
  }
  std::map<std::uint32_t, QuoteCluster> clusters;
  for (std::size_t i = 0; i < quotes.size(); ++i) clusters[uf.Find(static_cast<std::uint32_t>(i))].quotes.push_back(quotes[i]);

  std::map<std::string, Speaker> speakers;
  for (auto& [root, k] : clusters) {
    // The wording most like the others stands for the quotation (a
    // translation or a paraphrase is the odd one out), a direct one
    // before a fragment, then the fuller one.
    std::vector<std::set<std::string>> words;
    for (const QuoteRow* q : k.quotes) words.push_back(Words(q->text));
    double best = -1;
    for (std::size_t i = 0; i < k.quotes.size(); ++i) {
      double score = k.quotes[i]->kind == "direct" ? 1000 : 0;
      for (std::size_t j = 0; j < k.quotes.size(); ++j) {
        if (i != j) score += Jaccard(words[i], words[j]);
      }
      score += static_cast<double>(k.quotes[i]->text.size()) * 1e-6;
      if (score > best) {
        best = score;
        k.shown = k.quotes[i];
      }
    }
    std::vector<std::string> arts;
    for (const QuoteRow* q : k.quotes) arts.push_back(q->article);
    k.outlets = c.Outlets(arts);
    std::set<std::string> distinct;
    for (const auto& a : arts) distinct.insert(c.Outlet(a));
    k.outlet_count = distinct.size();
    // The speaker: a resolved entity if any report has one, else a name,
    // else the unnamed source as written.
    const QuoteRow* by = nullptr;
    for (const QuoteRow* q : k.quotes) {
      if (!q->speaker_entity.empty()) { by = q; break; }
    }
    for (const QuoteRow* q : k.quotes) {
      if (!by && !q->speaker_name.empty()) by = q;
    }
    for (const QuoteRow* q : k.quotes) {
      if (!by && !q->speaker_description.empty()) by = q;
    }
    std::string key, name, detail;
    if (by && !by->speaker_entity.empty()) {
      key = "e:" + by->speaker_entity;
      auto e = c.folder.entities.find(by->speaker_entity);
      name = e != c.folder.entities.end() ? e->second.name : by->speaker_name;
      if (e != c.folder.entities.end()) detail = Join(e->second.roles, 2);
    } else if (by && !by->speaker_name.empty()) {
      key = "n:" + by->speaker_name;
      name = by->speaker_name;
    } else if (by) {
      key = "d:" + by->speaker_description;
      name = by->speaker_description;
      detail = "unnamed source";
    } else {
      key = "?";
      name = "Speaker not identified";
    }
    Speaker& sp = speakers[key];
    sp.name = name;
    if (sp.detail.empty()) sp.detail = detail;
    sp.reach = std::max(sp.reach, k.outlet_count);
    sp.clusters.push_back(k);
  }
  std::vector<Speaker*> order;
  for (auto& [key, sp] : speakers) {
    std::stable_sort(sp.clusters.begin(), sp.clusters.end(), [](const QuoteCluster& a, const QuoteCluster& b) {
      return a.outlet_count > b.outlet_count;
    });
    order.push_back(&sp);
  }
  std::stable_sort(order.begin(), order.end(), [](const Speaker* a, const Speaker* b) {
    if (a->reach != b->reach) return a->reach > b->reach;
    if (a->clusters.size() != b->clusters.size()) return a->clusters.size() > b->clusters.size();
    return a->name < b->name;
  });

  auto append_cluster = [&](const QuoteCluster& k) {
    Tag(out, "<li><q>", k.shown->text, "</q> ");
    Tag(out, "<span class=\"src\">", k.outlets, "");
    if (!k.shown->cue.empty()) Tag(out, " \u00b7 ", k.shown->cue, "");
    *out += "</span>";
    std::vector<std::string> wordings;
    for (const QuoteRow* q : k.quotes) {
      if (q->text != k.shown->text &&
          std::find(wordings.begin(), wordings.end(), q->text) == wordings.end()) {
        wordings.push_back(q->text);
      }
    }
    if (!wordings.empty()) {
      *out += "<details class=\"wordings\"><summary>" + std::to_string(wordings.size()) + " other wording" +
              (wordings.size() == 1 ? "" : "s") + "</summary><ul>";
      for (const QuoteRow* q : k.quotes) {
        if (q->text == k.shown->text) continue;
        Tag(out, "<li><q>", q->text, "</q> ");
        Tag(out, "<span class=\"src\">", c.Outlet(q->article), "</span></li>");
      }
      *out += "</ul></details>";
    }
    *out += "</li>";
  };
  auto append_speaker = [&](const Speaker& sp) {
    *out += "<div class=\"speaker\">";
    Tag(out, "<h4>", sp.name, "");
    if (!sp.detail.empty()) Tag(out, " <span class=\"role\">", sp.detail, "</span>");
    *out += "</h4><ul class=\"quotes\">";
    for (std::size_t i = 0; i < sp.clusters.size() && i < 3; ++i) append_cluster(sp.clusters[i]);
    *out += "</ul>";
    if (sp.clusters.size() > 3) {
      *out += "<details><summary>" + std::to_string(sp.clusters.size() - 3) + " more</summary><ul class=\"quotes\">";
      for (std::size_t i = 3; i < sp.clusters.size(); ++i) append_cluster(sp.clusters[i]);
      *out += "</ul></details>";
    }
    *out += "</div>";
  };
  *out += "<section class=\"keyquotes\"><h3>Key quotes <span class=\"count\">" + std::to_string(clusters.size()) +
          (clusters.size() == 1 ? " quotation from " : " quotations from ") + std::to_string(order.size()) +
          (order.size() == 1 ? " source" : " sources") + "</span></h3><div class=\"speakers\">";
  const std::size_t kShown = 8;
  for (std::size_t i = 0; i < order.size() && i < kShown; ++i) append_speaker(*order[i]);
  *out += "</div>";
  if (order.size() > kShown) {
    *out += "<details><summary>" + std::to_string(order.size() - kShown) +
            " more sources</summary><div class=\"speakers\">";
    for (std::size_t i = kShown; i < order.size(); ++i) append_speaker(*order[i]);
    *out += "</div></details>";
  }
  *out += "</section>";
}

void AppendActors(const StoryContext& c, std::string* out) {
  std::vector<std::pair<std::size_t, const EntityRow*>> rows;
  for (const auto& [id, e] : c.folder.entities) {
    std::size_t n = 0;
    for (const auto& a : e.articles) n += c.outlet_of.count(a);
    if (n) rows.emplace_back(n, &e);
  }
  if (rows.empty()) return;
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    if (a.second->mention_count != b.second->mention_count) return a.second->mention_count > b.second->mention_count;
    return a.second->name < b.second->name;
  });
  std::map<std::string, std::pair<int, int>> in_events;  // entity -> (as source, as target)
  for (const std::string& id : c.story.events) {
    auto it = c.folder.events.find(id);
    if (it == c.folder.events.end()) continue;
    if (!it->second.source.entity.empty()) ++in_events[it->second.source.entity].first;
    if (!it->second.target.entity.empty()) ++in_events[it->second.target.entity].second;
  }
  std::vector<const EntityRow*> top, rest;
  for (std::size_t i = 0; i < rows.size(); ++i) (i < 15 ? top : rest).push_back(rows[i].second);
  *out += "<section class=\"actors\"><h3>Actors <span class=\"count\">" + std::to_string(rows.size()) +
          " named</span></h3>";
  AppendActorRows(top, c, in_events, out);
  if (!rest.empty()) {
    *out += "<details><summary>" + std::to_string(rest.size()) + " more named</summary>";
    AppendActorRows(rest, c, in_events, out);
    *out += "</details>";
  }
  *out += "</section>";
}

void AppendNetwork(const StoryContext& c, std::string* out) {
  std::vector<NetworkEdge> edges;
  auto key = [](const ActorRef& a) {
    if (!a.present) return std::string();
    if (!a.entity.empty()) return "e:" + a.entity;
    return a.name.empty() ? std::string() : "n:" + a.name;
  };
  auto label = [&](const ActorRef& a) {
    auto e = c.folder.entities.find(a.entity);
    if (!a.entity.empty() && e != c.folder.entities.end()) return e->second.name;
    return a.name.empty() ? a.actor_code : a.name;
  };
  for (const std::string& id : c.story.events) {
    auto it = c.folder.events.find(id);
    if (it == c.folder.events.end()) continue;
    const EventRow& e = it->second;
    edges.push_back({key(e.source), label(e.source), key(e.target), label(e.target), e.goldstein});
  }
  std::string svg = NetworkSvg(edges);
  if (svg.empty()) return;
  *out += "<section class=\"network\"><h3>Who acted on whom</h3>" + svg + "</section>";
}

}  // namespace sitrep::report
