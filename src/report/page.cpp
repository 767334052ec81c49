// The page around the stories: head, style, header, contents, footer.
#include <set>

#include "report/html.h"
#include "report/render.h"

namespace sitrep::report {
namespace {

// Screen: a centred column a laptop shows without zooming; cards reflow.
// Print: no background fills lost, no card split across pages, each
// story after the first on a new page.
constexpr const char* kCss = R"CSS(
:root{--ink:#1d2330;--muted:#5d6675;--line:#dde1e7;--soft:#f6f7f9;--accent:#1f4e79}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#eef0f3}
main,header.top,footer{max-width:1180px;margin:0 auto;padding:0 24px}
header.top{padding-top:28px;padding-bottom:8px}
header.top h1{margin:0 0 4px;font-size:28px;letter-spacing:-.01em}
header.top .meta{color:var(--muted);margin:0 0 12px}
nav.toc{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;margin-bottom:18px}
nav.toc ol{margin:4px 0 0;padding-left:22px}
nav.toc a{color:var(--accent);text-decoration:none}
nav.toc .muted{font-size:13px}
article.story{background:#fff;border:1px solid var(--line);border-radius:10px;padding:22px 28px 26px;margin:0 0 26px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
article.story>h2{margin:0;font-size:23px;line-height:1.25}
.smeta{color:var(--muted);font-size:13.5px;margin:6px 0 4px}
.smeta .id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
section{margin-top:22px}
h3{font-size:16px;margin:0 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line);text-transform:uppercase;letter-spacing:.04em;color:var(--accent)}
h3 .count{font-weight:400;text-transform:none;letter-spacing:0;color:var(--muted);font-size:13px;margin-left:6px}
h4{margin:0 0 6px;font-size:15px}
.summary ul{margin:0;padding-left:20px}
.summary li{margin:4px 0}
.src{color:var(--muted);font-size:13px}
.summary .src::before{content:"\2014\00a0"}
.date{color:var(--muted);font-size:12.5px;white-space:nowrap}
.muted{color:var(--muted)}
svg.chart{display:block;width:100%;height:auto;font-family:inherit}
svg.network{max-width:720px;margin:0 auto}
svg .grid{stroke:#d5d9e0;stroke-width:1}
svg .tick{font-size:12px;fill:#5d6675}
svg .lbl{font-size:12.5px;fill:#1d2330}
svg .lg{font-size:11px;fill:#5d6675}
svg .nlbl{font-size:12px;fill:#1d2330;paint-order:stroke;stroke:#fff;stroke-width:3px}
svg .node circle{fill:#2c3e57;stroke:#fff;stroke-width:1.5}
svg .alone circle{fill:#aab3c0}
svg .alone .nlbl{fill:#5d6675}
svg .ev circle{stroke:#fff;stroke-width:1.5}
svg .ev:hover .lbl,svg .node:hover .nlbl{font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:var(--soft);break-inside:avoid}
.card h4{color:var(--accent)}
.card .atitle{margin:0 0 6px;font-weight:600;font-size:14px}
.card .k{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:8px 0 2px}
ul.adds{margin:0;padding-left:16px;font-size:13.5px}
ul.adds li{margin:2px 0}
ul.adds .k{display:inline;margin:0 4px 0 0}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:4px 0 8px}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{background:var(--soft);font-weight:600;font-size:12.5px}
td.num,th.num{text-align:right;white-space:nowrap}
.nowrap{white-space:nowrap}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}
.type{font-size:11px;background:#e6ebf2;border-radius:3px;padding:1px 5px}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px;vertical-align:baseline}
h4.dis{color:#a5342a}h4.agr{color:#23794c}
table.dis td:first-child{border-left:3px solid #c0392b}
table.agr td:first-child{border-left:3px solid #279a5e}
ul.vals{margin:0;padding-left:16px}
.speakers{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:12px}
.speaker{border-left:3px solid var(--accent);padding:2px 0 2px 12px;break-inside:avoid}
.speaker .role{font-weight:400;color:var(--muted);font-size:13px}
ul.quotes{list-style:none;margin:0;padding:0}
ul.quotes li{margin:0 0 8px}
q{font-style:italic}
details{margin:6px 0}
summary{cursor:pointer;color:var(--accent);font-size:13.5px}
footer{color:var(--muted);font-size:12.5px;padding-bottom:30px}
@media print{
  @page{margin:14mm}
  body{background:#fff;font-size:11pt}
  main,header.top,footer{max-width:none;padding:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  nav.toc{border:none;padding:0}
  article.story{border:none;box-shadow:none;padding:0;margin:0}
  article.story+article.story{break-before:page}
  tr,.card,.speaker,svg.chart,.summary{break-inside:avoid}
  h3,h4{break-after:avoid}
  summary{color:var(--muted)}
}
)CSS";

}  // namespace

std::string RenderPage(const OutputFolder& f, const std::string& generator) {
  std::set<std::string> outlets;
  std::size_t articles = 0;
  std::string first, last;
  for (const StoryRow& s : f.stories) {
    articles += s.articles.size();
    outlets.insert(s.outlets.begin(), s.outlets.end());
    if (!s.first_seen.empty() && (first.empty() || s.first_seen < first)) first = s.first_seen;
    if (!s.last_seen.empty() && (last.empty() || s.last_seen > last)) last = s.last_seen;
  }
  std::string out;
  out.reserve(1 << 16);
  out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         // The page needs nothing from anywhere: even if some text slipped
         // through unescaped, the browser would run no script and fetch
         // nothing.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">";
  std::string title = f.stories.size() == 1 && !f.stories[0].title.empty() ? f.stories[0].title : "Situation report";
  out += "<title>";
  AppendEscaped(title, &out);
  out += "</title><style>";
  out += kCss;
  out += "</style></head><body><header class=\"top\"><h1>Situation report</h1><p class=\"meta\">";
  out += std::to_string(f.stories.size()) + (f.stories.size() == 1 ? " story" : " stories");
  if (f.stories.size() != f.total_stories) out += " of " + std::to_string(f.total_stories);
  out += " \u00b7 " + std::to_string(articles) + (articles == 1 ? " article" : " articles") + " from " +
         std::to_string(outlets.size()) + (outlets.size() == 1 ? " outlet" : " outlets");
  if (!first.empty()) {
    out += " \u00b7 ";
    AppendEscaped(first == last ? first : first + " to " + last, &out);
  }
  out += " \u00b7 generated by ";
  AppendEscaped(generator, &out);
  out += "</p>";
  if (f.stories.size() > 1) {
    out += "<nav class=\"toc\"><b>Stories</b><ol>";
    for (const StoryRow& s : f.stories) {
      out += "<li><a href=\"#";
      AppendEscaped(s.id, &out);
      out += "\">";
      AppendEscaped(s.title.empty() ? s.id : s.title, &out);
      out += "</a> <span class=\"muted\">" + std::to_string(s.articles.size()) +
             (s.articles.size() == 1 ? " article" : " articles") + "</span></li>";
    }
    out += "</ol></nav>";
  }
  out += "</header><main>";
  for (const StoryRow& s : f.stories) {
    StoryContext c(f, s);
    out += "<article class=\"story\" id=\"";
    AppendEscaped(s.id, &out);
    out += "\"><h2>";
    AppendEscaped(s.title.empty() ? "(untitled story)" : s.title, &out);
    out += "</h2><p class=\"smeta\">";
    std::string dates = s.first_seen.empty() ? "undated"
                        : s.first_seen == s.last_seen ? s.first_seen
                                                      : s.first_seen + " to " + s.last_seen;
    AppendEscaped(dates, &out);
    out += " \u00b7 " + std::to_string(s.articles.size()) + (s.articles.size() == 1 ? " article" : " articles");
    if (!s.outlets.empty()) {
      out += " \u00b7 ";
      std::string names;
      for (const auto& o : s.outlets) names += (names.empty() ? "" : ", ") + o;
      AppendEscaped(names, &out);
    }
    out += " \u00b7 <span class=\"id\">";
    AppendEscaped(s.id, &out);
    out += "</span></p>";
    AppendSummary(c, &out);
    AppendTimeline(c, &out);
    AppendOutlets(c, &out);
    AppendClaims(c, &out);
    AppendQuotes(c, &out);
    AppendActors(c, &out);
    AppendNetwork(c, &out);
    out += "</article>";
  }
  out += "</main><footer>Generated by ";
  AppendEscaped(generator, &out);
  out += " from ";
  AppendEscaped(f.dir, &out);
  out += ". Events are coded in CAMEO; colours follow the Goldstein scale (red conflict, green cooperation)."
         "</footer></body></html>\n";
  return out;
}

}  // namespace sitrep::report
