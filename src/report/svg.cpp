#include "report/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "report/html.h"

namespace sitrep::report {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the
// proleptic Gregorian calendar, no time zone involved.
long DaysFromCivil(long y, long m, long d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long z, long* y, long* m, long* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

bool Digits(const std::string& s, std::size_t at, std::size_t n, long* v) {
  if (at + n > s.size()) return false;
  *v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    *v = *v * 10 + (s[i] - '0');
  }
  return true;
}

std::string TickLabel(long day, bool with_year) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  long y = 0, m = 0, d = 0;
  CivilFromDays(day, &y, &m, &d);
  std::string s = std::string(kMonths[m - 1]) + " " + std::to_string(d);
  if (with_year) s += " " + std::to_string(y);
  return s;
}

void Text(std::string* out, double x, double y, const std::string& anchor, const std::string& cls,
          const std::string& text) {
  *out += "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cls + "\">";
  AppendEscaped(text, out);
  *out += "</text>";
}

void Title(std::string* out, const std::string& text) {
  *out += "<title>";
  AppendEscaped(text, out);
  *out += "</title>";
}

// Swatches from conflict to cooperation, at the bottom left of a chart.
void Legend(std::string* out, double x, double y) {
  Text(out, x, y + 9, "start", "lg", "Goldstein");
  double at = x + 62;
  for (int g = -10; g <= 10; g += 5) {
    *out += "<rect x=\"" + Num(at) + "\" y=\"" + Num(y) + "\" width=\"12\" height=\"10\" rx=\"2\" fill=\"" +
            GoldsteinColour(g) + "\"/>";
    char label[16];  // room for any int, so no truncation warning at any -O level
    std::snprintf(label, sizeof label, "%+d", g);
    Text(out, at + 15, y + 9, "start", "lg", g == 0 ? "0" : label);
    at += 44;
  }
  Text(out, at + 4, y + 9, "start", "lg", "(conflict \u2192 cooperation)");
}

}  // namespace

bool DayNumber(const std::string& iso, long* day) {
  long y = 0, m = 0, d = 0;
  if (!Digits(iso, 0, 4, &y)) return false;
  if (iso.size() == 4) {
    *day = DaysFromCivil(y, 1, 1);
    return true;
  }
  if (iso.size() >= 8 && iso[4] == '-' && iso[5] == 'W' && Digits(iso, 6, 2, &m) && m >= 1 && m <= 53) {
    // ISO week 1 holds 4 January; weeks start on Monday.
    long jan4 = DaysFromCivil(y, 1, 4);
    long weekday = ((jan4 + 3) % 7 + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
    *day = jan4 - weekday + (m - 1) * 7;
    return true;
  }
  if (iso.size() < 7 || iso[4] != '-' || !Digits(iso, 5, 2, &m) || m < 1 || m > 12) return false;
  if (iso.size() >= 10 && iso[7] == '-' && Digits(iso, 8, 2, &d) && d >= 1 && d <= 31) {
    *day = DaysFromCivil(y, m, d);
  } else {
    *day = DaysFromCivil(y, m, 1);
  }
  return true;
}

std::string GoldsteinColour(double g) {
  g = std::clamp(g, -10.0, 10.0);
  // Red (-10) through a neutral grey (0) to green (+10).
  const double neg[3] = {192, 57, 43}, mid[3] = {149, 155, 161}, pos[3] = {39, 154, 94};
  const double* to = g < 0 ? neg : pos;
  double t = std::abs(g) / 10.0;
  t = std::sqrt(t);  // small scores already read as leaning one way
  char buf[8];
  int c[3];
  for (int i = 0; i < 3; ++i) c[i] = static_cast<int>(std::lround(mid[i] + (to[i] - mid[i]) * t));
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
  return buf;
}

std::string TimelineSvg(const std::vector<TimelineItem>& all, std::size_t max_items) {
  if (all.empty()) return {};
  std::vector<TimelineItem> items(all.begin(), all.begin() + static_cast<long>(std::min(max_items, all.size())));
  const double width = 960, left = 16, row_h = 22, top = 44;
  bool undated = false;
  long lo = 0, hi = 0;
  bool any = false;
  std::vector<long> days(items.size(), 0);
  std::vector<bool> dated(items.size(), false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    long d = 0;
    if (DayNumber(items[i].date, &d)) {
      dated[i] = true;
      days[i] = d;
      lo = any ? std::min(lo, d) : d;
      hi = any ? std::max(hi, d) : d;
      any = true;
    } else {
      undated = true;
    }
  }
  const double right = width - 16 - (undated ? 90 : 0);
  const double span = static_cast<double>(hi - lo + 1);
  auto x_of = [&](long d) { return left + (static_cast<double>(d - lo) + 0.5) / span * (right - left); };
  const double height = top + row_h * static_cast<double>(items.size()) + 44;

  std::string out;
  out += "<svg class=\"chart timeline\" viewBox=\"0 0 " + Num(width) + " " +
         Num(height) + "\" role=\"img\" aria-label=\"Timeline of the story's events\">";
  // Zebra rows make a long label easy to follow to its mark.
  for (std::size_t i = 0; i < items.size(); i += 2) {
    out += "<rect x=\"0\" y=\"" + Num(top + row_h * static_cast<double>(i)) + "\" width=\"" + Num(width) +
           "\" height=\"" + Num(row_h) + "\" fill=\"#f6f7f9\"/>";
  }
  const double bottom = top + row_h * static_cast<double>(items.size());
  if (any) {
    long step = std::max(1L, static_cast<long>(std::ceil(span / 10.0)));
    long prev_year = -1;
    for (long d = lo; d <= hi; d += step) {
      long y = 0, m = 0, dd = 0;
      CivilFromDays(d, &y, &m, &dd);
      double x = x_of(d);
      out += "<line x1=\"" + Num(x) + "\" y1=\"" + Num(top - 6) + "\" x2=\"" + Num(x) + "\" y2=\"" + Num(bottom) +
             "\" class=\"grid\"/>";
      Text(&out, x, top - 12, "middle", "tick", TickLabel(d, y != prev_year));
      prev_year = y;
    }
  }
  const double undated_x = width - 16 - 45;
  if (undated) {
    out += "<line x1=\"" + Num(undated_x) + "\" y1=\"" + Num(top - 6) + "\" x2=\"" + Num(undated_x) + "\" y2=\"" +
           Num(bottom) + "\" class=\"grid\"/>";
    Text(&out, undated_x, top - 12, "middle", "tick", "undated");
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const TimelineItem& it = items[i];
    double x = dated[i] ? x_of(days[i]) : undated_x;
    double y = top + row_h * static_cast<double>(i) + row_h / 2;
    bool flip = x > left + (right - left) * 0.55;
    out += "<g class=\"ev\">";
    Title(&out, it.tooltip);
    out += "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"6\" fill=\"" + GoldsteinColour(it.goldstein) +
           "\"/>";
    Text(&out, flip ? x - 11 : x + 11, y + 4, flip ? "end" : "start", "lbl", Shorten(it.label, 70));
    out += "</g>";
  }
  double legend_y = bottom + 14;
  Legend(&out, left, legend_y);
  if (all.size() > items.size()) {
    Text(&out, width - 16, legend_y + 9, "end", "lg",
         std::to_string(all.size() - items.size()) + " more events not drawn (see the list)");
  }
  out += "</svg>";
  return out;
}

std::string NetworkSvg(const std::vector<NetworkEdge>& edges, std::size_t max_nodes) {
  struct Node {
    std::string label;
    int degree = 0;
    bool linked = false;  // in at least one arrow
  };
  std::map<std::string, Node> nodes;
  struct Pair {
    int count = 0;
    double goldstein = 0;
  };
  std::map<std::pair<std::string, std::string>, Pair> pairs;
  for (const NetworkEdge& e : edges) {
    if (e.source_key.empty()) continue;
    Node& s = nodes[e.source_key];
    if (s.label.empty()) s.label = e.source_label;
    ++s.degree;
    if (e.target_key.empty() || e.target_key == e.source_key) continue;
    Node& t = nodes[e.target_key];
    if (t.label.empty()) t.label = e.target_label;
    ++t.degree;
    s.linked = t.linked = true;
    Pair& p = pairs[{e.source_key, e.target_key}];
    ++p.count;
    p.goldstein += e.goldstein;
  }
  if (nodes.empty()) return {};
  std::vector<std::pair<std::string, const Node*>> order;
  for (const auto& [key, n] : nodes) order.emplace_back(key, &n);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.second->degree != b.second->degree) return a.second->degree > b.second->degree;
    return a.second->label < b.second->label;
  });
  std::size_t dropped = order.size() > max_nodes ? order.size() - max_nodes : 0;
  if (dropped) order.resize(max_nodes);

  const double width = 680, height = 470, cx = 340, cy = 220, radius = 160;
  struct Placed {
    double x, y, r;
  };
  std::map<std::string, Placed> at;
  for (std::size_t i = 0; i < order.size(); ++i) {
    double a = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(order.size());
    // Few actors sit closer together: a long arrow between two dots says nothing.
    double r = order.size() == 1 ? 0 : std::min(radius, 50.0 + 25.0 * static_cast<double>(order.size()));
    at[order[i].first] = {cx + r * std::cos(a), cy + r * std::sin(a),
                          6 + std::min(8.0, 1.5 * static_cast<double>(order[i].second->degree))};
  }

  std::string out;
  out += "<svg class=\"chart network\" viewBox=\"0 0 " + Num(width) + " " +
         Num(height) + "\" role=\"img\" aria-label=\"Network of the story's actors\">";
  for (const auto& [key, p] : pairs) {
    auto a = at.find(key.first), b = at.find(key.second);
    if (a == at.end() || b == at.end()) continue;
    const Placed &pa = a->second, &pb = b->second;
    double dx = pb.x - pa.x, dy = pb.y - pa.y, len = std::hypot(dx, dy);
    if (len < 1) continue;
    double ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
    // The two directions of a pair bend to opposite sides.
    double bend = pairs.count({key.second, key.first}) ? 22 : 0;
    double sx = pa.x + ux * pa.r, sy = pa.y + uy * pa.r;
    double ex = pb.x - ux * (pb.r + 2), ey = pb.y - uy * (pb.r + 2);
    double qx = (sx + ex) / 2 + nx * bend, qy = (sy + ey) / 2 + ny * bend;
    double hx = ex - qx, hy = ey - qy, hl = std::hypot(hx, hy);
    hx /= hl;
    hy /= hl;
    double mean = p.goldstein / p.count;
    std::string colour = GoldsteinColour(mean);
    double w = 1.2 + 0.6 * std::min(5, p.count);
    out += "<g class=\"edge\">";
    Title(&out, nodes[key.first].label + " \u2192 " + nodes[key.second].label + ": " + std::to_string(p.count) +
                    (p.count == 1 ? " event" : " events") + ", mean Goldstein " + Num(mean));
    out += "<path d=\"M" + Num(sx) + " " + Num(sy) + " Q" + Num(qx) + " " + Num(qy) + " " + Num(ex - hx * 6) + " " +
           Num(ey - hy * 6) + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + Num(w) + "\"/>";
    double bx = ex - hx * 10, by = ey - hy * 10;
    out += "<polygon points=\"" + Num(ex) + "," + Num(ey) + " " + Num(bx - hy * 5) + "," + Num(by + hx * 5) + " " +
           Num(bx + hy * 5) + "," + Num(by - hx * 5) + "\" fill=\"" + colour + "\"/>";
    out += "</g>";
  }
  for (const auto& [key, n] : order) {
    const Placed& p = at[key];
    out += n->linked ? "<g class=\"node\">" : "<g class=\"node alone\">";
    Title(&out, n->label + ": in " + std::to_string(n->degree) + (n->degree == 1 ? " event" : " events"));
    out += "<circle cx=\"" + Num(p.x) + "\" cy=\"" + Num(p.y) + "\" r=\"" + Num(p.r) + "\"/>";
    double dx = p.x - cx, dy = p.y - cy, len = std::hypot(dx, dy);
    double lx = p.x, ly = p.y + p.r + 14;
    std::string anchor = "middle";
    if (len > 1) {
      lx = p.x + dx / len * (p.r + 6);
      ly = p.y + dy / len * (p.r + 6) + 4;
      if (dx / len > 0.12) anchor = "start";
      else if (dx / len < -0.12) anchor = "end";
      if (dy / len < -0.8) ly -= 4;
      if (dy / len > 0.8) ly += 8;
    }
    Text(&out, lx, ly, anchor, "nlbl", Shorten(n->label, 28));
    out += "</g>";
  }
  Legend(&out, 16, height - 24);
  if (dropped) Text(&out, width - 16, height - 15, "end", "lg", std::to_string(dropped) + " quieter actors left out");
  out += "</svg>";
  return out;
}

}  // namespace sitrep::report
