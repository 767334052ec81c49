// Name normalisation: the keys every merge rule compares.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/resources.h"
#include "core/utf8.h"
#include "resolve/internal.h"
#include "resolve/resolve.h"

namespace sitrep::resolve {
namespace {

// ASCII for the Latin-1 Supplement and Latin Extended-A letters (U+00C0 to
// U+017F), lower case; "" for the two signs in that range (× ÷).
const std::array<const char*, 0x180 - 0xC0>& LatinFolds() {
  static const std::array<const char*, 0x180 - 0xC0> table = [] {
    std::array<const char*, 0x180 - 0xC0> t{};
    auto set = [&](char32_t from, char32_t to, const char* v) {
      for (char32_t c = from; c <= to; ++c) t[c - 0xC0] = v;
    };
    set(0xC0, 0xC5, "a"); set(0xC6, 0xC6, "ae"); set(0xC7, 0xC7, "c"); set(0xC8, 0xCB, "e");
    set(0xCC, 0xCF, "i"); set(0xD0, 0xD0, "d"); set(0xD1, 0xD1, "n"); set(0xD2, 0xD6, "o");
    set(0xD7, 0xD7, ""); set(0xD8, 0xD8, "o"); set(0xD9, 0xDC, "u"); set(0xDD, 0xDD, "y");
    set(0xDE, 0xDE, "th"); set(0xDF, 0xDF, "ss");
    for (char32_t c = 0xE0; c <= 0xFF; ++c) t[c - 0xC0] = t[c - 0x20 - 0xC0];
    set(0xF7, 0xF7, ""); set(0xFF, 0xFF, "y"); set(0xDF, 0xDF, "ss");
    set(0x100, 0x105, "a"); set(0x106, 0x10D, "c"); set(0x10E, 0x111, "d"); set(0x112, 0x11B, "e");
    set(0x11C, 0x123, "g"); set(0x124, 0x127, "h"); set(0x128, 0x131, "i"); set(0x132, 0x133, "ij");
    set(0x134, 0x135, "j"); set(0x136, 0x138, "k"); set(0x139, 0x142, "l"); set(0x143, 0x14B, "n");
    set(0x14C, 0x151, "o"); set(0x152, 0x153, "oe"); set(0x154, 0x159, "r"); set(0x15A, 0x161, "s");
    set(0x162, 0x167, "t"); set(0x168, 0x173, "u"); set(0x174, 0x175, "w"); set(0x176, 0x178, "y");
    set(0x179, 0x17E, "z"); set(0x17F, 0x17F, "s");
    return t;
  }();
  return table;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`'; }

// Appends the folded form of a letter or digit to out; false for anything
// that separates words.
bool FoldChar(char32_t c, std::string& out) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
      return true;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(static_cast<char>(c));
      return true;
    }
    return false;
  }
  if (c >= 0xC0 && c < 0x180) {
    const char* f = LatinFolds()[c - 0xC0];
    if (f == nullptr || *f == '\0') return false;
    out += f;
    return true;
  }
  if (u_isalnum(static_cast<UChar32>(c))) {
    utf8::Append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    return true;
  }
  return false;
}

bool IsWordChar(char32_t c) {
  std::string scratch;
  return FoldChar(c, scratch);
}

}  // namespace

std::vector<std::string> NameTokens(std::string_view s) {
  struct Raw {
    std::string text;
    std::string sep;  // the characters up to the next token
  };
  std::vector<Raw> raw;
  std::string cur;
  std::string pending_sep;
  auto flush = [&] {
    if (!cur.empty()) {
      raw.push_back({std::move(cur), {}});
      cur.clear();
    }
  };
  auto add_sep = [&](char32_t c) {
    if (!raw.empty() && cur.empty()) utf8::Append(raw.back().sep, c);
  };
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8::Decode(s, i);
    if (FoldChar(c, cur)) continue;
    if (IsApostrophe(c)) {
      std::size_t j = i;
      char32_t next = j < s.size() ? utf8::Decode(s, j) : 0;
      std::size_t k = j;
      char32_t after = k < s.size() ? utf8::Decode(s, k) : 0;
      if ((next == 's' || next == 'S') && (after == 0 || !IsWordChar(after))) {
        // Possessive 's, also when the tokenizer put a space before it.
        flush();
        i = j;
        continue;
      }
      if (!cur.empty() && next != 0 && IsWordChar(next)) continue;  // O'Brien
    }
    flush();
    add_sep(c);
  }
  flush();

  std::vector<std::string> out;
  out.reserve(raw.size());
  for (std::size_t t = 0; t < raw.size(); ++t) {
    std::string tok = raw[t].text;
    std::string sep = raw[t].sep;
    // Dotted initials: U.S. / U. S. / U.S.A.
    if (tok.size() == 1) {
      while (t + 1 < raw.size() && raw[t + 1].text.size() == 1 && sep.find('.') != std::string::npos &&
             sep.find_first_not_of(". ") == std::string::npos) {
        ++t;
        tok += raw[t].text;
        sep = raw[t].sep;
      }
    }
    // co-operation, Co-ordination
    if (tok == "co" && sep == "-" && t + 1 < raw.size()) {
      ++t;
      tok += raw[t].text;
    }
    out.push_back(std::move(tok));
  }
  return out;
}

namespace {

std::string FoldTranslit(std::string_view token) {
  std::string s(token);
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return s;
  auto replace_all = [&](std::string_view from, std::string_view to) {
    std::string r;
    r.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
      if (s.compare(i, from.size(), from) == 0) {
        r += to;
        i += from.size();
      } else {
        r += s[i++];
      }
    }
    s.swap(r);
  };
  // Russian shch is also written sch and sh ("Pashchenko", "Paschenko",
  // "Pashenko"), so it folds before sch does; German writes it schtsch,
  // which must fold whole before tsch and sch take it apart.
  replace_all("schtsch", "sh");
  replace_all("shch", "sh");
  replace_all("tsch", "ch");
  replace_all("sch", "sh");
  // Russian zh is sch in German and j in French ("Zharenko", "Scharenko",
  // "Jarenko"): zh meets the German form (the French j is left alone, as
  // it is a j in most names).
  replace_all("zh", "sh");
  replace_all("kh", "h");
  // An aspirate after d that one romanisation writes and another drops
  // (the older and newer Indonesian spellings, as in "Odhalys" and
  // "Odalys"; Sanskrit and Arabic names in English).
  replace_all("dh", "d");
  replace_all("ph", "f");
  replace_all("ck", "k");
  replace_all("x", "ks");
  replace_all("w", "v");
  // German writes an umlaut it cannot type as a following e ("Mueller",
  // "Goetz"), English drops the dots ("Muller"), and the fold above turned
  // the umlaut itself into the bare vowel: ue and oe before a consonant meet
  // the bare vowel. Not ae, which is a vowel pair in given names that would
  // then meet other names ("Rafael", "Rafal"), nor at a word's end ("Joe").
  {
    auto consonant = [](char c) {
      return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'y';
    };
    std::string r;
    r.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      r += s[i];
      if ((s[i] == 'u' || s[i] == 'o') && i + 2 < s.size() && s[i + 1] == 'e' && consonant(s[i + 2]) &&
          !(i > 0 && s[i - 1] == 'q') && !(s[i] == 'u' && i > 0 && s[i - 1] == 'g'))
        ++i;
    }
    s.swap(r);
  }
  // The French romanisation of Russian ends -ov and -ev in -off and -eff
  // ("Lenhaloff", "Lenhalov"); a single final f stays, as in German -hof.
  if (s.size() > 5) {
    std::string_view end = std::string_view(s).substr(s.size() - 3);
    if (end == "off" || end == "eff") s.replace(s.size() - 2, 2, "v");
  }
  if (s.size() > 3) {
    std::string_view end = std::string_view(s).substr(s.size() - 2);
    if (end == "iy" || end == "ii" || end == "yi" || end == "yy" || end == "ij") s.replace(s.size() - 2, 2, "y");
  }
  // South Slavic -ić, folded above to -ic, is written -ich and -itch in
  // English and French ("Lenhalić", "Lenhalich", "Lenhalitch"); the tsch
  // fold has already turned a German -itsch into -ich.
  if (s.size() > 5) {
    const std::size_t n = s.size();
    if (s.compare(n - 4, 4, "itch") == 0) s.replace(n - 4, 4, "ic");
    else if (s.compare(n - 3, 3, "ich") == 0) s.replace(n - 3, 3, "ic");
  }
  // "Ye" at a syllable start is "Je" in German and South Slavic spellings
  // ("Yelena", "Jelena").
  replace_all("ye", "e");
  replace_all("je", "e");
  replace_all("ie", "e");
  for (char& c : s)
    if (c == 'y' || c == 'j') c = 'i';
  // A final syllable r is written bare in Slavic romanisations, -er in
  // English and German, -re in French ("Aleksandr", "Alexander",
  // "Alexandre"; "Petr", "Peter"): after a consonant, all three fold to r.
  if (s.size() > 4) {
    auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
    const std::size_t n = s.size();
    if ((s.compare(n - 2, 2, "er") == 0 || s.compare(n - 2, 2, "re") == 0) && !vowel(s[n - 3]) && s[n - 3] != 'r') {
      s.replace(n - 2, 2, "r");
    }
  }
  std::string r;
  r.reserve(s.size());
  for (char c : s)
    if (r.empty() || r.back() != c) r += c;
  return r;
}

}  // namespace

std::string TranslitKey(std::string_view token) {
  std::string s = FoldTranslit(token);
  const auto& given = detail::GetLexicons().given_names;
  if (auto it = given.find(s); it != given.end()) return it->second;
  return s;
}

std::string GivenNameKey(std::string_view token) {
  std::string s = TranslitKey(token);
  const auto& shorts = detail::GetLexicons().short_given;
  if (auto it = shorts.find(s); it != shorts.end()) return it->second;
  return s;
}

std::string FullGivenName(std::string_view word) {
  std::string low(word);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto& shorts = detail::GetLexicons().short_given_plain;
  if (auto it = shorts.find(low); it != shorts.end()) return it->second;
  return low;
}

std::string_view StripPossessive(std::string_view s) {
  auto trim = [](std::string_view v) {
    for (;;) {
      bool changed = false;
      while (!v.empty() && (v.front() == ' ' || v.front() == '"' || v.front() == '\t' || v.front() == '\n')) {
        v.remove_prefix(1);
        changed = true;
      }
      while (!v.empty() && (v.back() == ' ' || v.back() == '"' || v.back() == '\t' || v.back() == '\n')) {
        v.remove_suffix(1);
        changed = true;
      }
      // Typographic double quotes (3 bytes each).
      if (v.size() >= 3 && (v.substr(0, 3) == "\u201C" || v.substr(0, 3) == "\u201D")) {
        v.remove_prefix(3);
        changed = true;
      }
      if (v.size() >= 3 && (v.substr(v.size() - 3) == "\u201D" || v.substr(v.size() - 3) == "\u201C")) {
        v.remove_suffix(3);
        changed = true;
      }
      if (!changed) return v;
    }
  };
  s = trim(s);
  auto ends = [&](std::string_view suf) { return s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf; };
  if (ends("'s") || ends("'S")) {
    s.remove_suffix(2);
  } else if (ends("\u2019s") || ends("\u2019S")) {
    s.remove_suffix(4);
  } else if (ends("s'")) {
    s.remove_suffix(1);
  } else if (ends("s\u2019")) {
    s.remove_suffix(3);
  }
  return trim(s);
}

bool IsAcronym(std::string_view surface) {
  return !detail::AcronymLetters(surface).empty();
}

namespace {
// A letter, or a byte of a multi-byte UTF-8 letter.
bool IsNameByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalpha(u);
}
}  // namespace

std::vector<std::string> PersonTokens(std::string_view surface) {
  const detail::Lexicons& lex = detail::GetLexicons();
  // Drop nicknames: "(Kiki)", "\"Kiki\"", "'Kiki'" (a quote after a space).
  std::string cleaned;
  cleaned.reserve(surface.size());
  for (std::size_t i = 0; i < surface.size(); ++i) {
    char c = surface[i];
    bool at_word_start = i == 0 || surface[i - 1] == ' ';
    char close = 0;
    if (c == '(') close = ')';
    else if (c == '"') close = '"';
    else if (c == '\'' && at_word_start) close = '\'';
    if (close != 0) {
      std::size_t j = surface.find(close, i + 1);
      bool ok = j != std::string_view::npos && j > i + 1;
      if (ok && close == '\'') ok = j + 1 == surface.size() || surface[j + 1] == ' ';
      if (ok && j + 1 < surface.size()) {  // something must follow, or it is the whole name
        cleaned += ' ';
        i = j;
        continue;
      }
    }
    // A double-barrelled name is one name: "Adjei-Mensah" alone is the
    // surname of "Nana Adjei-Mensah", not a first and a last name.
    if (c == '-' && i > 0 && i + 1 < surface.size() && IsNameByte(surface[i - 1]) && IsNameByte(surface[i + 1])) {
      // The Arabic article is not part of the surname: outlets write
      // "al-Kessar", "el-Kessar" or drop it.
      const std::size_t n = cleaned.size();
      if (n >= 2 && (n == 2 || cleaned[n - 3] == ' ')) {
        const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(cleaned[n - 2])));
        const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(cleaned[n - 1])));
        if ((a == 'a' || a == 'e') && l == 'l') {
          cleaned.resize(n - 2);
          continue;
        }
      }
      continue;
    }
    cleaned += c;
  }
  std::vector<std::string> t = NameTokens(cleaned);
  std::size_t b = detail::LeadingHonorifics(lex, t), e = t.size();
  while (e - b > 1 && lex.suffixes.count(t[e - 1])) --e;
  std::vector<std::string> out;
  for (std::size_t i = b; i < e; ++i) {
    // "Odal Al Kessar": the article alone before a surname goes too, but
    // never first ("Al" is also a given name) nor last.
    if (i > b && i + 1 < e && (t[i] == "al" || t[i] == "el")) continue;
    out.push_back(std::move(t[i]));
  }
  // "Abd al-" ("servant of") opens a compound given name that outlets write
  // as one word, two words or hyphenated, with Abdel, Abdul or Abd al-:
  // all become one word starting "abdal". Only when a surname follows, so a
  // two-word "Abdul Kessar" keeps its surname.
  static constexpr std::string_view kAbd[] = {"abdel", "abdul", "abdal", "abdoul", "abdol", "abd"};
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (std::string_view p : kAbd) {
      if (out[i].compare(0, p.size(), p) != 0) continue;
      if (out[i].size() == p.size()) {
        if (i + 2 < out.size() || (p == "abd" && i + 1 < out.size())) {
          out[i] = "abdal" + out[i + 1];
          out.erase(out.begin() + static_cast<std::ptrdiff_t>(i + 1));
        }
      } else if (p != "abd" && out[i].size() >= p.size() + 3) {
        out[i] = "abdal" + out[i].substr(p.size());
      }
      break;
    }
  }
  // Initials ("George W. Bush"), but never the last word.
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < out.size(); ++i) {
    bool initial = out[i].size() == 1 && i + 1 < out.size();
    if (!initial) kept.push_back(std::move(out[i]));
  }
  return kept;
}

std::string Generation(std::string_view surface) {
  std::size_t e = surface.size();
  while (e > 0 && (surface[e - 1] == ' ' || surface[e - 1] == '.' || surface[e - 1] == ',')) --e;
  std::size_t b = e;
  while (b > 0 && surface[b - 1] != ' ' && surface[b - 1] != ',') --b;
  // The suffix closes a name of at least one other word.
  if (b == 0) return {};
  std::string w;
  for (std::size_t k = b; k < e; ++k) {
    if (surface[k] != '.') w += static_cast<char>(std::tolower(static_cast<unsigned char>(surface[k])));
  }
  if (w == "jr" || w == "jnr") return "jr";
  if (w == "sr" || w == "snr") return "sr";
  if (w == "ii" || w == "iii" || w == "iv") return w;
  return {};
}

std::string MiddleInitials(std::string_view surface) {
  const detail::Lexicons& lex = detail::GetLexicons();
  // The words between spaces, without the honorifics before the name and
  // the suffixes after it.
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < surface.size();) {
    std::size_t j = surface.find(' ', i);
    if (j == std::string_view::npos) j = surface.size();
    if (j > i) words.push_back(surface.substr(i, j - i));
    i = j + 1;
  }
  auto plain = [](std::string_view w) {
    std::string s;
    for (char c : w)
      if (c != '.' && c != ',') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::vector<std::string> plain_words;
  for (std::string_view w : words) plain_words.push_back(plain(w));
  std::size_t b = detail::LeadingHonorifics(lex, plain_words), e = words.size();
  while (e - b > 1 && lex.suffixes.count(plain(words[e - 1]))) --e;
  // Initials: capitals each followed by a full stop ("W.", "H.W."), or
  // up to three capitals without them ("W", "HW", as headline style and
  // some outlets write them).
  // A name written all in capitals ("ODAL KIM VARNELL") has no such
  // initials of more than one letter.
  std::string middle;
  const bool all_caps = words[b].size() > 1 && std::none_of(words[b].begin(), words[b].end(), [](char c) {
    return c >= 'a' && c <= 'z';
  });
  for (std::size_t k = b + 1; k + 1 < e; ++k) {
    const std::string_view w = words[k];
    const bool undotted = (w.size() == 1 || (w.size() <= 3 && !all_caps)) && w.find('.') == std::string_view::npos;
    bool initials = !w.empty();
    for (std::size_t c = 0; c < w.size() && initials; ++c) {
      const bool capital = w[c] >= 'A' && w[c] <= 'Z';
      initials = undotted ? capital : (c % 2 == 0 ? capital : w[c] == '.');
    }
    if (!initials) continue;
    for (char c : w)
      if (c != '.') middle += static_cast<char>(c - 'A' + 'a');
  }
  return middle;
}

namespace detail {

std::size_t LeadingHonorifics(const Lexicons& lex, const std::vector<std::string>& w) {
  std::size_t b = 0;
  while (w.size() - b > 1 && lex.honorifics.count(w[b]) &&
         (!lex.title_prefixes.count(w[b]) || lex.honorifics.count(w[b + 1]))) {
    ++b;
  }
  return b;
}

const Lexicons& GetLexicons() {
  static const Lexicons lex = [] {
    Lexicons l;
    auto words = [](std::string_view file, std::unordered_set<std::string>& into) {
      for (std::string_view line : DataLines(Resource(file))) into.emplace(line);
    };
    words("resolve/honorifics.txt", l.honorifics);
    words("resolve/title_prefixes.txt", l.title_prefixes);
    words("resolve/name_suffixes.txt", l.suffixes);
    words("resolve/function_words.txt", l.function_words);
    words("resolve/pronouns.txt", l.pronouns);
    words("resolve/designators.txt", l.designators);
    words("resolve/state_forms.txt", l.state_forms);
    words("resolve/task_roles.txt", l.task_roles);
    words("resolve/water_features.txt", l.water_features);
    for (std::string_view line : DataLines(Resource("gazetteer/name_sectors.tsv"))) {
      auto tab = line.find('\t');
      if (tab != std::string_view::npos && line.substr(tab + 1) == "BUS") l.company_words.emplace(line.substr(0, tab));
    }
    auto genders = [](std::string_view file, auto&& keep) {
      for (std::string_view line : DataLines(Resource(file))) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab + 1 >= line.size()) continue;
        const char g = line[tab + 1];
        if (g != 'm' && g != 'f') continue;
        std::string word(line.substr(0, tab));
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        keep(std::move(word), g);
      }
    };
    genders("quotes/first_name_gender.tsv", [&](std::string w, char g) { l.first_name_gender.emplace(std::move(w), g); });
    genders("quotes/gender.tsv", [&](std::string w, char g) {
      if (l.honorifics.count(w)) l.address_gender.emplace(std::move(w), g);
    });
    for (std::string_view line : DataLines(Resource("resolve/spellings.tsv"))) {
      auto tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      l.spellings.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    for (std::string_view line : DataLines(Resource("resolve/given_name_variants.tsv"))) {
      auto tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::string canonical = FoldTranslit(line.substr(tab + 1));
      l.given_names.emplace(FoldTranslit(line.substr(0, tab)), canonical);
      l.given_names.emplace(canonical, canonical);
    }
    for (std::string_view line : DataLines(Resource("resolve/given_name_short_forms.tsv"))) {
      auto tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      l.short_given.emplace(FoldTranslit(line.substr(0, tab)), FoldTranslit(line.substr(tab + 1)));
      l.short_given_plain.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    return l;
  }();
  return lex;
}

std::vector<std::string> StateFormRest(const Lexicons& lex, const std::vector<std::string>& tokens) {
  for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
    if (tokens[k] != "of") continue;
    // The one or two words before "of" ("republic", "grand duchy").
    const bool form = lex.state_forms.count(tokens[k - 1]) ||
                      (k >= 2 && lex.state_forms.count(tokens[k - 2] + " " + tokens[k - 1]));
    if (!form) return {};
    return std::vector<std::string>(tokens.begin() + static_cast<std::ptrdiff_t>(k + 1), tokens.end());
  }
  return {};
}

std::vector<std::string> WaterFeatureReordered(const Lexicons& lex, const std::vector<std::string>& tokens) {
  if (tokens.size() < 3 || tokens[1] != "of" || !lex.water_features.count(tokens[0])) return {};
  std::vector<std::string> out(tokens.begin() + 2, tokens.end());
  out.push_back(tokens[0]);
  return out;
}

namespace {

std::string FoldSpellingOf(const Lexicons& lex, std::string_view token) {
  auto it = lex.spellings.find(std::string(token));
  std::string w = it != lex.spellings.end() ? it->second : std::string(token);
  // organisation(s) -> organization(s), privatisation -> privatization
  std::size_t p = w.rfind("isation");
  if (p != std::string::npos && p + 7 >= w.size() - 1 && w.size() > 8) w[p + 1] = 'z';
  return w;
}

}  // namespace

std::string OrgWord(const Lexicons& lex, const std::string& token) {
  std::string w = FoldSpellingOf(lex, token);
  // Plural and singular meet ("Fisheries Board", "Fishery Board").
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' && w[w.size() - 2] != 'i')
    w.pop_back();
  return TranslitKey(w);
}

std::vector<std::string> PlainTokens(std::string_view surface) {
  std::vector<std::string> t = NameTokens(surface);
  if (t.size() > 1 && t[0] == "the") t.erase(t.begin());
  return t;
}

std::vector<std::string> WithoutDesignators(const Lexicons& lex, const std::vector<std::string>& tokens) {
  std::size_t e = tokens.size();
  while (e > 1 && lex.designators.count(tokens[e - 1])) --e;
  // "X Center of Y" keeps its tail: only closing designators go.
  if (e == tokens.size()) return {};
  while (e > 1 && lex.function_words.count(tokens[e - 1])) --e;
  return std::vector<std::string>(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(e));
}

std::string Initials(const Lexicons& lex, const std::vector<std::string>& tokens, bool skip_function_words) {
  std::string out;
  for (const std::string& t : tokens) {
    if (t.empty()) continue;
    if (skip_function_words && lex.function_words.count(t)) continue;
    out += t[0];
  }
  return out;
}

std::string AcronymLetters(std::string_view surface) {
  surface = StripPossessive(surface);
  std::string letters;
  for (char c : surface) {
    if (c >= 'A' && c <= 'Z') {
      letters += static_cast<char>(c - 'A' + 'a');
    } else if (c == '.' || c == '&') {
      continue;
    } else {
      return {};
    }
  }
  if (letters.size() < 2 || letters.size() > 10) return {};
  return letters;
}

std::string Join(const std::vector<std::string>& tokens, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i) out += sep;
    out += tokens[i];
  }
  return out;
}

bool ListedArabicGivenName(const Lexicons& lex, std::string_view token) {
  return lex.given_names.count(FoldTranslit(token)) > 0;
}

std::string ArabicVowelFold(std::string_view key) {
  std::string r;
  r.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == 'e' && i + 1 < key.size() && key[i + 1] == 'i') {
      r += 'a';
    } else if (key[i] == 'o' && i + 1 < key.size() && key[i + 1] == 'u') {
      continue;
    } else {
      r += key[i];
    }
  }
  return r;
}

std::string_view RoleHead(std::string_view role) {
  const std::size_t sp = role.rfind(' ');
  return sp == std::string_view::npos ? role : role.substr(sp + 1);
}

}  // namespace detail

std::string FoldSpelling(std::string_view word) { return detail::FoldSpellingOf(detail::GetLexicons(), word); }

}  // namespace sitrep::resolve
