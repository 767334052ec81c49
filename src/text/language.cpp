#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/resources.h"
#include "core/utf8.h"
#include "text/chars.h"
#include "text/text.h"

namespace sitrep::text {
namespace {

struct StopwordModel {
  std::vector<std::string> languages;
  // word -> bitmask of languages that list it
  std::unordered_map<std::string, std::uint32_t> words;
  // The same words in an open-addressing table (FNV-1a, linear probing)
  // for the scan, which looks up every word of the text's head: no
  // std::string key, no node chasing. A slot with mask 0 is empty (every
  // listed word has at least one language).
  std::vector<std::string> slot_words;
  std::vector<std::uint32_t> slot_masks;
  std::uint64_t slot_mask = 0;
  // The longest listed word in bytes: longer words are not looked up.
  std::size_t max_word_bytes = 0;
  static constexpr std::size_t kMaxWordBytes = 64;

  static std::uint64_t Hash(std::string_view w) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h;
  }

  // The languages that list w, as a bitmask (0: none).
  std::uint32_t Lookup(std::string_view w) const {
    for (std::uint64_t i = Hash(w) & slot_mask;; i = (i + 1) & slot_mask) {
      if (slot_masks[i] == 0) return 0;
      if (slot_words[i] == w) return slot_masks[i];
    }
  }

  static StopwordModel Load() {
    StopwordModel m;
    for (std::string_view line : DataLines(Resource("text/stopwords.tsv"))) {
      std::size_t tab = line.find('\t');
      SITREP_CHECK(tab != std::string_view::npos, ConfigError,
                   "data/text/stopwords.tsv: line without a tab");
      SITREP_CHECK(m.languages.size() < 32, ConfigError, "data/text/stopwords.tsv: over 32 languages");
      std::uint32_t bit = 1u << m.languages.size();
      m.languages.emplace_back(line.substr(0, tab));
      std::string_view rest = line.substr(tab + 1);
      std::size_t p = 0;
      while (p < rest.size()) {
        std::size_t sp = rest.find(' ', p);
        if (sp == std::string_view::npos) sp = rest.size();
        if (sp > p) {
          m.words[std::string(rest.substr(p, sp - p))] |= bit;
          m.max_word_bytes = std::max(m.max_word_bytes, sp - p);
        }
        p = sp + 1;
      }
    }
    SITREP_CHECK(m.max_word_bytes <= kMaxWordBytes, ConfigError,
                 "data/text/stopwords.tsv: a word longer than " << kMaxWordBytes << " bytes");
    std::size_t slots = 16;
    while (slots < 2 * m.words.size()) slots *= 2;
    m.slot_words.assign(slots, std::string());
    m.slot_masks.assign(slots, 0);
    m.slot_mask = slots - 1;
    for (const auto& [w, bits] : m.words) {
      std::uint64_t i = Hash(w) & m.slot_mask;
      while (m.slot_masks[i] != 0) i = (i + 1) & m.slot_mask;
      m.slot_words[i] = w;
      m.slot_masks[i] = bits;
    }
    return m;
  }
};

const StopwordModel& Model() {
  static const StopwordModel model = StopwordModel::Load();
  return model;
}

// Lowercases ASCII and the Latin-1/Latin Extended letters that function
// words use.
void AppendLower(std::string& out, char32_t c) {
  utf8::Append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
}

}  // namespace

std::string IdentifyLanguage(std::string_view text) {
  std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 2500));
  const StopwordModel& m = Model();
  // Script census over letters; function-word votes counted on the fly.
  std::array<int, USCRIPT_CODE_LIMIT> scripts{};
  std::array<int, 32> score{};
  int letters = 0, kana = 0, hangul = 0, words = 0;
  bool ukrainian = false, belarusian = false, serbian = false, bulgarian_hint = false;
  // The current word, lowercased, in a fixed buffer: every listed word
  // fits (Load checks), so a longer word needs only its length.
  char word[StopwordModel::kMaxWordBytes];
  std::size_t word_len = 0;
  auto push = [&](char ch) {
    if (word_len < sizeof word) word[word_len] = ch;
    ++word_len;
  };
  int function_words = 0;
  auto end_word = [&] {
    if (word_len == 0) return;
    ++words;
    if (word_len <= m.max_word_bytes) {
      if (std::uint32_t bits = m.Lookup(std::string_view(word, word_len))) {
        ++function_words;
        // One vote per language that lists the word (set bits only).
        for (; bits != 0; bits &= bits - 1) ++score[static_cast<std::size_t>(__builtin_ctz(bits))];
      }
    }
    word_len = 0;
  };
  // Stops reading once one language clearly leads on plain Latin text: a
  // clear lead after 40 function words does not change with more.
  auto settled = [&] {
    if (function_words < 40 || letters != scripts[USCRIPT_LATIN]) return false;
    int best = 0, second = 0;
    for (std::size_t l = 0; l < m.languages.size(); ++l) {
      if (score[l] > best) {
        second = best;
        best = score[l];
      } else if (score[l] > second) {
        second = score[l];
      }
    }
    return best >= 3 * second;
  };
  std::size_t i = 0;
  // settled() is asked once per 32 words: between the end of a word and
  // the start of the next nothing it reads changes, so asking again at
  // every separator byte (as a plain "words % 32 == 0" test would) gives
  // the same answer.
  int asked_at = -1;
  while (i < head.size()) {
    if ((words & 31) == 0 && word_len == 0 && asked_at != words) {
      asked_at = words;
      if (settled()) break;
    }
    unsigned char b = static_cast<unsigned char>(head[i]);
    if (b < 0x80) {
      ++i;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        // The rest of a run of ASCII letters in one go.
        std::size_t run_end = i;
        while (run_end < head.size() && ((head[run_end] | 0x20) >= 'a' && (head[run_end] | 0x20) <= 'z')) ++run_end;
        const int run = static_cast<int>(run_end - i + 1);
        letters += run;
        scripts[USCRIPT_LATIN] += run;
        push(static_cast<char>(b | 0x20));
        for (; i < run_end; ++i) push(static_cast<char>(head[i] | 0x20));
      } else if (b == '\'' && word_len != 0) {
        push('\'');
      } else {
        end_word();
      }
      continue;
    }
    std::size_t before = i;
    char32_t c = utf8::Decode(head, i);
    if (before + 1 == i && c == utf8::kReplacement) continue;
    if (IsAlpha(c)) {
      ++letters;
      UErrorCode st = U_ZERO_ERROR;
      int sc = uscript_getScript(static_cast<UChar32>(c), &st);
      if (U_SUCCESS(st) && sc >= 0 && sc < USCRIPT_CODE_LIMIT) ++scripts[static_cast<std::size_t>(sc)];
      if ((c >= 0x3040 && c <= 0x30FF)) ++kana;
      if (c >= 0xAC00 && c <= 0xD7AF) ++hangul;
      if (c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491) ukrainian = true;
      if (c == 0x045E) belarusian = true;
      if (c == 0x0452 || c == 0x045B || c == 0x0458 || c == 0x045A || c == 0x0459) serbian = true;
      if (c == 0x044A) bulgarian_hint = true;
      std::string lower;
      AppendLower(lower, c);
      for (char ch : lower) push(ch);
    } else if (IsApostrophe(c) && word_len != 0) {
      push('\'');
    } else {
      end_word();
    }
  }
  end_word();
  if (letters < 10) return "und";

  int best_script = -1, best_count = 0;
  for (std::size_t sc = 0; sc < scripts.size(); ++sc) {
    if (scripts[sc] > best_count) {
      best_script = static_cast<int>(sc);
      best_count = scripts[sc];
    }
  }
  if (best_count * 2 < letters) return "und";
  switch (best_script) {
    case USCRIPT_CYRILLIC:
      if (ukrainian) return "uk";
      if (belarusian) return "be";
      if (serbian) return "sr";
      return bulgarian_hint ? "bg" : "ru";
    case USCRIPT_ARABIC: return "ar";
    case USCRIPT_HEBREW: return "he";
    case USCRIPT_GREEK: return "el";
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return kana * 10 > letters ? "ja" : "zh";
    case USCRIPT_HANGUL: return hangul > 0 ? "ko" : "und";
    case USCRIPT_THAI: return "th";
    case USCRIPT_DEVANAGARI: return "hi";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_ARMENIAN: return "hy";
    case USCRIPT_LATIN: break;
    default: return "und";
  }
  std::size_t best = 0, second = 0;
  for (std::size_t l = 1; l < m.languages.size(); ++l) {
    if (score[l] > score[best]) {
      second = best;
      best = l;
    } else if (l != best && (score[l] > score[second] || second == best)) {
      second = l;
    }
  }
  if (score[best] < 2 || score[best] * 10 < words) return "und";
  if (best != second && score[best] * 2 < score[second] * 3) return "und";
  return m.languages[best];
}

TextStage::TextStage() : lexicon_(DefaultLexicon()) {}

void TextStage::Process(Article& article, StageScratch*) const {
  if (article.language == "und" || article.language.empty()) {
    article.language = IdentifyLanguage(article.text);
  }
  Segment(&article, lexicon_);
}

}  // namespace sitrep::text
