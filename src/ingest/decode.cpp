#include "ingest/decode.h"

#include <simdjson.h>

#include "core/hash.h"
#include "core/utf8.h"
#include "html/html.h"
#include "text/text.h"

namespace sitrep::ingest {
namespace {

// Text fields, in order of preference, and metadata fields with their
// common alternative names.
constexpr const char* kTextFields[] = {"text", "body", "content", "article", "maintext"};
constexpr const char* kTitleFields[] = {"title", "headline"};
constexpr const char* kUrlFields[] = {"url", "link", "canonical_url"};
constexpr const char* kOutletFields[] = {"outlet", "source", "publisher", "site_name", "source_name"};
constexpr const char* kDateFields[] = {"published", "date", "published_at", "publishedAt", "pubDate",
                                       "date_publish", "datePublished"};
constexpr const char* kAuthorFields[] = {"author", "byline", "authors"};
constexpr const char* kLanguageFields[] = {"language", "lang"};

// A string field, or the "name" of an object field (NewsAPI's source), or
// the first string of an array (authors).
std::optional<std::string> StringField(simdjson::dom::object obj, const char* key) {
  simdjson::dom::element e;
  if (obj.at_key(key).get(e)) return std::nullopt;
  std::string_view sv;
  if (e.is_string() && !e.get_string().get(sv)) return std::string(sv);
  if (e.is_object()) {
    if (!e["name"].get_string().get(sv)) return std::string(sv);
  }
  if (e.is_array()) {
    std::string joined;
    for (simdjson::dom::element x : e.get_array()) {
      if (x.is_string() && !x.get_string().get(sv)) {
        if (!joined.empty()) joined += ", ";
        joined += sv;
      }
    }
    if (!joined.empty()) return joined;
  }
  if (e.is_int64()) return std::to_string(int64_t(e));
  return std::nullopt;
}

template <std::size_t N>
std::optional<std::string> FirstField(simdjson::dom::object obj, const char* const (&keys)[N],
                                      const char** which = nullptr) {
  for (const char* k : keys) {
    if (auto v = StringField(obj, k)) {
      if (which) *which = k;
      return v;
    }
  }
  return std::nullopt;
}

// The field normalised, on one line and trimmed, or nullopt when nothing
// is left. In place: a field that needs nothing is not copied.
std::optional<std::string> NonEmpty(std::optional<std::string> s) {
  if (!s) return s;
  std::string& t = *s;
  text::NormalizeInPlace(&t);
  // Metadata is one line.
  for (char& c : t) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  std::size_t b = t.find_first_not_of(' '), e = t.find_last_not_of(' ');
  if (b == std::string::npos) return std::nullopt;
  t.erase(e + 1);
  t.erase(0, b);
  return s;
}

void SetIfEmpty(std::optional<std::string>& field, const std::optional<std::string>& v) {
  if ((!field || field->empty()) && v) field = NonEmpty(v);
}

// Fills the article from an extracted page: the body, what was dropped,
// and metadata the record did not already carry.
void FromPage(html::Page&& page, Article& a) {
  for (auto& w : page.warnings) a.warnings.push_back(std::move(w));
  if (!page.no_article.empty()) {
    a.Skip(page.no_article);
    return;
  }
  a.text = std::move(page.body);
  a.removed = std::move(page.removed);
  SetIfEmpty(a.title, page.meta.title);
  SetIfEmpty(a.outlet, page.meta.outlet);
  SetIfEmpty(a.published, page.meta.published);
  SetIfEmpty(a.url, page.meta.url);
  SetIfEmpty(a.author, page.meta.author);
  if (a.language == "und" && page.meta.language) a.language = *page.meta.language;
}

void FromJsonObject(simdjson::dom::object obj, Article& a) {
  const char* which = nullptr;
  auto body = FirstField(obj, kTextFields, &which);
  std::optional<std::string> page_html;
  if (!body) {
    simdjson::dom::element e;
    std::string_view sv;
    if (!obj.at_key("html").get(e) && e.is_string() && !e.get_string().get(sv)) {
      page_html = std::string(sv);
    } else {
      a.Skip("no text field (expected \"text\", \"body\", \"content\" or \"html\")");
      return;
    }
  }
  if (body) a.text = std::move(*body);
  a.title = NonEmpty(FirstField(obj, kTitleFields));
  a.url = NonEmpty(FirstField(obj, kUrlFields));
  a.outlet = NonEmpty(FirstField(obj, kOutletFields));
  a.published = NonEmpty(FirstField(obj, kDateFields));
  a.author = NonEmpty(FirstField(obj, kAuthorFields));
  if (auto lang = NonEmpty(FirstField(obj, kLanguageFields))) a.language = *lang;
  if (page_html) {
    a.input_format = "html";
    FromPage(html::ExtractPageUtf8(*page_html), a);
  }
}

std::string Describe(simdjson::error_code e) {
  switch (e) {
    case simdjson::TAPE_ERROR: return "malformed JSON (unexpected or missing character)";
    case simdjson::STRING_ERROR: return "malformed JSON (bad string)";
    case simdjson::UNCLOSED_STRING: return "malformed JSON (unclosed string; the record may be truncated)";
    case simdjson::NUMBER_ERROR: return "malformed JSON (bad number)";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "malformed JSON (bad literal)";
    case simdjson::EMPTY: return "empty JSON document";
    case simdjson::DEPTH_ERROR: return "JSON nested too deeply";
    default: return std::string("malformed JSON (") + simdjson::error_message(e) + ")";
  }
}

// Text once decoded as Windows-1252 and encoded again ("JuÃ¡rez"): the
// body and the title are repaired, with a warning saying how much.
void RepairEncoding(Article& a) {
  std::size_t n = text::RepairMojibake(&a.text);
  if (a.title) n += text::RepairMojibake(&*a.title);
  if (n > 0) {
    a.warnings.push_back("mis-encoded text: " + std::to_string(n) +
                         " character(s) read as Windows-1252 in UTF-8 were repaired");
  }
}

}  // namespace

Article Decode(RawDoc&& doc) {
  Article a;
  a.source = std::move(doc.source);
  a.input_bytes = doc.input_bytes;
  if (!doc.warning.empty()) a.warnings.push_back(doc.warning);
  if (!doc.skip_reason.empty()) {
    a.id = MakeId('a', "skipped\n" + a.source + "\n" + doc.skip_reason);
    a.Skip(std::move(doc.skip_reason));
    return a;
  }
  a.id = MakeId('a', doc.bytes);
  switch (doc.format) {
    case Format::kText: a.input_format = "text"; break;
    case Format::kMarkdown: a.input_format = "markdown"; break;
    case Format::kJson: a.input_format = "json"; break;
    case Format::kHtml: a.input_format = doc.hints.format; break;
    case Format::kFeed:
    case Format::kWarc:
    case Format::kNone: break;
  }
  if (doc.format == Format::kHtml) {
    // Pages carry their own charset (HTTP header, <meta>), so the bytes go
    // to the HTML reader undecoded.
    auto& h = doc.hints;
    auto opt = [](std::string& s) { return s.empty() ? std::nullopt : NonEmpty(std::move(s)); };
    a.title = opt(h.title);
    a.url = opt(h.url);
    a.published = opt(h.published);
    a.author = opt(h.author);
    a.outlet = opt(h.outlet);
    if (doc.bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
      a.Skip("empty file");
      return a;
    }
    html::ExtractOptions eo;
    eo.charset = h.charset;
    eo.fragment = h.fragment;
    FromPage(html::ExtractPage(doc.bytes, eo), a);
    if (!a.ok()) return a;
    RepairEncoding(a);
    a.text = text::Normalize(a.text);
    if (a.text.find_first_not_of(" \t\n") == std::string::npos) a.Skip("no article body");
    return a;
  }

  std::string bytes = std::move(doc.bytes);
  if (bytes.empty() || bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    a.Skip("empty file");
    return a;
  }
  std::string enc = SniffEncoding(bytes);
  if (enc == "utf-16le" || enc == "utf-16be") {
    bytes = Utf16ToUtf8(bytes, enc == "utf-16be");
    a.warnings.push_back(enc == "utf-16le" ? "converted from UTF-16LE" : "converted from UTF-16BE");
  } else if (enc == "binary") {
    a.Skip("binary data, not text (contains NUL or control bytes)");
    return a;
  }
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF) {
    bytes.erase(0, 3);
  }
  const auto repair = [&a](std::string& b) {
    std::size_t repaired = 0;
    b = utf8::Repair(b, &repaired);
    a.warnings.push_back("invalid UTF-8: " + std::to_string(repaired) + " byte sequence(s) replaced with U+FFFD");
  };

  if (doc.format == Format::kJson) {
    // One parser per thread: simdjson parsers are reusable and not thread-safe.
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    // simdjson validates UTF-8 as it parses, so a record it accepts needs
    // no check of its own; only a record it rejects is checked, repaired
    // and parsed again (the warnings and the outcome are those of checking
    // first).
    auto err = parser.parse(bytes).get(root);
    if (err && !utf8::IsValid(bytes)) {
      repair(bytes);
      err = parser.parse(bytes).get(root);
    }
    if (err) {
      a.Skip(Describe(err) + " at " + a.source);
      return a;
    }
    if (root.is_object()) {
      FromJsonObject(root.get_object(), a);
    } else if (root.is_array()) {
      a.Skip("a JSON array: sitrep reads one article object per .json file or per JSON Lines line");
      return a;
    } else {
      a.Skip("not a JSON object at " + a.source);
      return a;
    }
    if (!a.ok()) return a;
    if (!utf8::IsValid(a.text)) a.text = utf8::Repair(a.text, nullptr);
  } else {
    if (!utf8::IsValid(bytes)) repair(bytes);
    a.text = std::move(bytes);
  }
  RepairEncoding(a);
  text::NormalizeInPlace(&a.text);
  if (a.text.find_first_not_of(" \t\n") == std::string::npos) {
    a.Skip("empty text");
  }
  return a;
}

}  // namespace sitrep::ingest
