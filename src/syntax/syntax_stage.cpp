#include "syntax/syntax.h"

#include <algorithm>
#include <cctype>
#include <mutex>

#include "core/error.h"
#include "core/resources.h"
#include "syntax/model_io.h"

namespace sitrep::syntax {
namespace {

std::shared_ptr<SyntaxModels> Assemble(std::string_view tagger, const std::string& tagger_name,
                                       std::string_view lemmatizer, const std::string& lemmatizer_name,
                                       std::string_view parser, const std::string& parser_name) {
  auto m = std::make_shared<SyntaxModels>();
  m->tagger = Tagger::Load(tagger, tagger_name);
  m->lemmatizer = Lemmatizer::Load(lemmatizer, lemmatizer_name);
  m->parser = Parser::Load(parser, parser_name);
  m->bytes = tagger.size() + lemmatizer.size() + parser.size();
  return m;
}

// What RetagOpeningPastTense reads of a tag.
enum : std::uint8_t {
  kFinite = 1,        // VBD VBZ VBP MD
  kParticiple = 2,    // VERB VBN
  kNoun = 4,          // NN NNS NNP NNPS: ends the opening noun phrase
  kInPhrase = 8,      // a noun, adjective, number or possessive inside it
  kDeterminer = 16,   // DT PRP$: may start it
  kObjectStart = 32,  // DT PRP PRP$ CD NNP NNPS: may start an object
  kConjunction = 64,  // CC: "But the council voted ..."
  kName = 128,        // NNP NNPS
};

std::uint8_t KindOf(std::string_view upos, std::string_view xpos) {
  std::uint8_t k = 0;
  if (xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || xpos == "MD") k |= kFinite;
  if (upos == "VERB" && xpos == "VBN") k |= kParticiple;
  const bool name = xpos == "NNP" || xpos == "NNPS";
  if (xpos == "NN" || xpos == "NNS" || name) k |= kNoun | kInPhrase;
  if (name) k |= kName;
  if (xpos == "JJ" || xpos == "JJR" || xpos == "JJS" || xpos == "CD" || xpos == "POS") k |= kInPhrase;
  if (xpos == "DT" || xpos == "PRP$") k |= kDeterminer;
  if (xpos == "DT" || xpos == "PRP" || xpos == "PRP$" || xpos == "CD" || name) k |= kObjectStart;
  if (xpos == "CC") k |= kConjunction;
  return k;
}

}  // namespace

std::shared_ptr<const SyntaxModels> LoadDefaultModels() {
  // Leaked on purpose: label views handed out must outlive every article.
  static std::mutex mu;
  static std::shared_ptr<const SyntaxModels>* models = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (!models) {
    auto m = Assemble(Resource("models/tagger.bin"), "models/tagger.bin", Resource("models/lemmatizer.bin"),
                      "models/lemmatizer.bin", Resource("models/parser.bin"), "models/parser.bin");
    models = new std::shared_ptr<const SyntaxModels>(std::move(m));
  }
  return *models;
}

std::shared_ptr<const SyntaxModels> LoadModelsFromFiles(const std::string& tagger, const std::string& lemmatizer,
                                                        const std::string& parser) {
  std::string t = ReadFileOrThrow(tagger), l = ReadFileOrThrow(lemmatizer), p = ReadFileOrThrow(parser);
  return Assemble(t, tagger, l, lemmatizer, p, parser);
}

SyntaxStage::SyntaxStage(std::shared_ptr<const SyntaxModels> models) : models_(std::move(models)) {
  SITREP_CHECK(models_ && models_->tagger && models_->lemmatizer && models_->parser, ConfigError,
               "syntax stage needs a tagger, a lemmatizer and a parser");
  const Tagger& t = *models_->tagger;
  for (std::size_t c = 0; c < t.num_classes(); ++c) {
    const auto cls = static_cast<std::uint16_t>(c);
    tag_hash_.push_back(TagHash(t.upos(cls), t.xpos(cls)));
    class_kind_.push_back(KindOf(t.upos(cls), t.xpos(cls)));
    if (t.upos(cls) == "VERB" && t.xpos(cls) == "VBD") {
      past_tense_class_ = cls;
      have_past_tense_ = true;
    }
    if (t.upos(cls) == "ADJ" && t.xpos(cls) == "JJ") {
      adjective_class_ = cls;
      have_adjective_ = true;
    }
  }
  for (std::string_view line : DataLines(Resource("text/naming_verbs.txt"))) naming_verbs_.emplace(line);
  if (HasResource("gazetteer/demonyms.tsv")) {
    for (std::string_view line : DataLines(Resource("gazetteer/demonyms.tsv"))) {
      // alpha3 <TAB> adjectives (|-separated) <TAB> people
      const std::size_t a = line.find('\t');
      const std::size_t b = a == std::string_view::npos ? a : line.find('\t', a + 1);
      if (b == std::string_view::npos) continue;
      std::string_view adjectives = line.substr(a + 1, b - a - 1);
      while (!adjectives.empty()) {
        const std::size_t bar = adjectives.find('|');
        demonym_adjectives_.emplace(adjectives.substr(0, bar));
        adjectives = bar == std::string_view::npos ? std::string_view() : adjectives.substr(bar + 1);
      }
    }
  }
  if (HasResource("gazetteer/roles.tsv")) {
    for (std::string_view line : DataLines(Resource("gazetteer/roles.tsv"))) {
      // kind <TAB> phrase <TAB> ...
      const std::size_t a = line.find('\t');
      const std::size_t b = a == std::string_view::npos ? a : line.find('\t', a + 1);
      if (b == std::string_view::npos) continue;
      const std::string_view kind = line.substr(0, a);
      const std::string phrase(line.substr(a + 1, b - a - 1));
      if (kind == "role") {
        titles_.insert(phrase);
        title_words_ = std::max<std::size_t>(title_words_, 1 + std::count(phrase.begin(), phrase.end(), ' '));
      } else if (kind == "modifier") {
        title_modifiers_.insert(phrase);
      }
    }
  }
  const Parser& p = *models_->parser;
  piece_label_ = p.root_label();
  for (std::size_t l = 0; l < p.num_labels(); ++l) {
    if (p.label(static_cast<std::uint16_t>(l)) == "parataxis") piece_label_ = static_cast<std::uint16_t>(l);
    if (p.label(static_cast<std::uint16_t>(l)) == "compound") compound_label_ = p.label(static_cast<std::uint16_t>(l));
    if (p.label(static_cast<std::uint16_t>(l)) == "amod") amod_label_ = p.label(static_cast<std::uint16_t>(l));
    if (p.label(static_cast<std::uint16_t>(l)) == "obl") obl_label_ = p.label(static_cast<std::uint16_t>(l));
  }
}

void SyntaxStage::RepairDoubleSubject(Article& article, std::uint32_t first, std::uint32_t end) const {
  if (compound_label_.empty()) return;
  // The second a common noun, or one tagged a proper noun but written in
  // lower case (the tagger's slip): before a capitalised name the noun is
  // a title with its appositive ("the owner Karla"), which UD keeps apart.
  const std::string_view text(article.text);
  auto common = [&](const Token& t) {
    if (t.upos == "NOUN") return true;
    return t.upos == "PROPN" && t.begin < text.size() && text[t.begin] >= 'a' && text[t.begin] <= 'z';
  };
  // "Officials familiar with the matter said": the parse made the
  // adjective a marker of the verb and "matter" its second subject. The
  // adjective modifies the first noun and the second noun is its oblique.
  for (std::uint32_t k = first; k + 3 < end; ++k) {
    Token& n1 = article.tokens[k];
    Token& adj = article.tokens[k + 1];
    if (n1.deprel != "nsubj" || !common(n1) || adj.upos != "ADJ" || adj.head != n1.head || n1.head < 0 ||
        article.tokens[k + 2].upos != "ADP" || amod_label_.empty() || obl_label_.empty()) {
      continue;
    }
    const auto own = static_cast<std::int32_t>(k - first);
    for (std::uint32_t j = k + 3; j < end && static_cast<std::int32_t>(j - first) < n1.head; ++j) {
      Token& n2 = article.tokens[j];
      if (n2.deprel != "nsubj" || n2.head != n1.head) continue;
      if (article.tokens[k + 2].head != static_cast<std::int32_t>(j - first)) break;  // "with" is the second noun's
      adj.head = own;
      adj.deprel = amod_label_;
      n2.head = own + 1;
      n2.deprel = obl_label_;
      break;
    }
  }
  // Heads count from the sentence's first token. The second noun may
  // have its own modifiers between the two ("the Dravenian interior
  // ministry said", the first a proper noun): the first is then a
  // compound of it too, and a determiner the parse gave the verb is the
  // phrase's.
  for (std::uint32_t k = first; k + 1 < end; ++k) {
    Token& a = article.tokens[k];
    const auto own = static_cast<std::int32_t>(k - first);
    if (a.deprel != "nsubj" || (a.upos != "NOUN" && a.upos != "PROPN")) continue;
    // Or a hyphenated title after a name ("the UN Secretary-General
    // welcomed"): its first part and the hyphen hang on its last.
    std::uint32_t m = k + 1;
    bool hyphenated = false;
    while (m < end && m < k + 4) {
      const Token& x = article.tokens[m];
      const bool hyphen = x.deprel == "punct" && x.end == x.begin + 1 && text[x.begin] == '-' && m + 1 < end &&
                          article.tokens[m - 1].end == x.begin && article.tokens[m + 1].begin == x.end;
      if (x.deprel != "amod" && x.deprel != "compound" && !hyphen) break;
      if (x.head <= static_cast<std::int32_t>(m - first) && !hyphen) break;
      hyphenated = hyphenated || hyphen;
      ++m;
    }
    if (m >= end) continue;
    const Token& b = article.tokens[m];
    const auto second = static_cast<std::int32_t>(m - first);
    if (b.deprel != "nsubj" || a.head != b.head || a.head <= second) continue;
    if (!common(b) && !(hyphenated && a.upos == "PROPN" && b.upos == "PROPN")) continue;
    if (a.upos == "PROPN" && m == k + 1) continue;  // "the owner Karla" above; a name before a noun stays apart
    bool between = true;
    for (std::uint32_t j = k + 1; j < m; ++j) {
      const std::int32_t h = article.tokens[j].head;
      // (The hyphen may hang on the title's first part.)
      between = between && (h == second || (article.tokens[j].deprel == "punct" && h > own && h < second));
    }
    if (!between) continue;
    for (std::uint32_t j = first; j < k; ++j) {
      Token& x = article.tokens[j];
      if (x.head == own || (j + 1 == k && x.head == a.head && x.deprel == "det")) x.head = second;
    }
    a.head = second;
    a.deprel = compound_label_;
    // The head in lower case is a common noun, whatever the tagger said:
    // later stages read a proper noun as a name.
    Token& h = article.tokens[m];
    if (h.upos == "PROPN" && common(h)) {
      h.upos = "NOUN";
      h.xpos = h.xpos == "NNPS" ? "NNS" : "NN";
    }
  }
}

bool SyntaxStage::RetagOpeningPastTense(std::span<const std::string_view> forms, std::uint16_t* tags) const {
  const std::size_t n = forms.size();
  if (!have_past_tense_ || n < 3) return false;
  auto kind = [&](std::size_t k) { return class_kind_[tags[k]]; };
  // The opening noun phrase: [CC] [DT|PRP$] (noun|adjective|number|'s)*,
  // ending on a noun.
  std::size_t i = 0;
  if (kind(i) & kConjunction) ++i;
  if (i < n && (kind(i) & kDeterminer)) ++i;
  const std::size_t phrase = i;
  while (i < n && (kind(i) & kInPhrase)) ++i;
  if (i == phrase || i + 1 >= n || !(kind(i - 1) & kNoun) || !(kind(i) & kParticiple)) return false;
  // A headline in capitals ("Minister Named In Report") keeps its participle.
  std::size_t alpha = 0, upper = 0;
  for (std::size_t k = 1; k < n; ++k) {
    const std::string_view f = forms[k];
    if (f.empty() || !std::isalpha(static_cast<unsigned char>(f[0]))) continue;
    ++alpha;
    upper += std::isupper(static_cast<unsigned char>(f[0])) != 0;
  }
  if (upper * 2 > alpha) return false;
  bool finite = false;
  for (std::size_t k = 0; k < n && !finite; ++k) finite = (kind(k) & kFinite) != 0;
  auto lower = [](std::string_view f) {
    std::string s(f);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  bool retag = false;
  if (!finite) {
    // With a second participle the verb may be either ("Prisoners freed
    // in the swap described ..."): left as it is.
    bool second = false;
    for (std::size_t k = i + 1; k < n && !second; ++k) second = (kind(k) & kParticiple) != 0;
    retag = !second && lower(forms[i + 1]) != "by";
  } else if (kind(i + 1) & kObjectStart) {
    retag = !((kind(i + 1) & kName) && naming_verbs_.count(lower(forms[i])));
    for (std::size_t k = i + 1; k < n && retag && forms[k] != ","; ++k) retag = !(kind(k) & kFinite);
  }
  if (retag) tags[i] = past_tense_class_;
  return retag;
}

int SyntaxStage::RetagDemonymAdjectives(std::span<const std::string_view> forms, std::uint16_t* tags) const {
  if (!have_adjective_ || demonym_adjectives_.empty() || titles_.empty()) return 0;
  const std::size_t n = forms.size();
  auto capitalised = [&](std::size_t k) {
    return k < n && !forms[k].empty() && std::isupper(static_cast<unsigned char>(forms[k][0]));
  };
  auto lower = [&](std::size_t k) {
    std::string w(forms[k]);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
  };
  int changed = 0;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    if (!(class_kind_[tags[k]] & kName) || !capitalised(k + 1) || !demonym_adjectives_.count(forms[k])) {
      continue;
    }
    std::size_t x = k + 1;
    while (capitalised(x) && title_modifiers_.count(lower(x))) ++x;
    bool title = false;
    std::string phrase;
    for (std::size_t e = x; e < n && e < x + title_words_ && capitalised(e) && !title; ++e) {
      if (e > x) phrase += ' ';
      phrase += lower(e);
      title = titles_.count(phrase) > 0;
    }
    if (!title) continue;
    tags[k] = adjective_class_;
    ++changed;
  }
  return changed;
}

bool SyntaxStage::AnalyzeSentence(Article& article, std::uint32_t first, std::uint32_t end,
                                  SyntaxScratch& s) const {
  const Tagger& tagger = *models_->tagger;
  const Parser& parser = *models_->parser;
  const std::size_t n = end - first;
  s.forms.clear();
  const std::string_view text(article.text);
  for (std::uint32_t t = first; t < end; ++t) {
    const Token& tok = article.tokens[t];
    // A token with offsets outside the text (a bug upstream) is analysed
    // as an empty word rather than throwing inside a worker.
    s.forms.push_back(tok.begin <= tok.end && tok.end <= text.size() ? text.substr(tok.begin, tok.end - tok.begin)
                                                                      : std::string_view());
  }
  SentenceFeatures(s.forms, s.lower, &s.feats);
  s.tags.resize(n);
  tagger.Tag(s.feats.data(), n, s.tags.data());
  RetagOpeningPastTense(s.forms, s.tags.data());
  RetagDemonymAdjectives(s.forms, s.tags.data());
  s.tag_hashes.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    Token& tok = article.tokens[first + k];
    tok.upos = tagger.upos(s.tags[k]);
    tok.xpos = tagger.xpos(s.tags[k]);
    s.tag_hashes[k] = tag_hash_[s.tags[k]];
    models_->lemmatizer->Lemmatize(s.forms[k], tok.upos, tok.xpos, &tok.lemma, s.lemma_scratch);
  }
  s.heads.resize(n);
  s.labels.resize(n);
  int first_root = -1;
  bool pieces = false;
  for (std::size_t begin = 0; begin < n; begin += kMaxParseWords) {
    const int len = static_cast<int>(std::min<std::size_t>(kMaxParseWords, n - begin));
    parser.Parse(s.feats.data() + begin, s.tag_hashes.data() + begin, len, s.state, s.heads.data() + begin,
                 s.labels.data() + begin);
    for (int k = 0; k < len; ++k) {
      Token& tok = article.tokens[first + begin + k];
      int h = s.heads[begin + k];
      tok.deprel = parser.label(s.labels[begin + k]);
      if (h >= 0) {
        tok.head = static_cast<std::int32_t>(begin) + h;
      } else if (first_root < 0) {
        first_root = static_cast<int>(begin) + k;
        tok.head = -1;
      } else {
        tok.head = first_root;
        tok.deprel = parser.label(piece_label_);
        pieces = true;
      }
    }
  }
  RepairDoubleSubject(article, first, end);
  return pieces;
}

void SyntaxStage::Process(Article& article, StageScratch* scratch) const {
  SyntaxScratch local;
  SyntaxScratch& s = scratch ? static_cast<SyntaxScratch&>(*scratch) : local;
  std::size_t pieces = 0;
  for (const Sentence& sent : article.sentences) {
    if (sent.end_token > article.tokens.size() || sent.first_token >= sent.end_token) continue;
    pieces += AnalyzeSentence(article, sent.first_token, sent.end_token, s);
  }
  if (pieces) {
    article.warnings.push_back("syntax: " + std::to_string(pieces) + " sentence(s) longer than " +
                               std::to_string(kMaxParseWords) + " words were parsed in pieces");
  }
}

}  // namespace sitrep::syntax
