// Gold named-entity corpora: IOB column files (UNER, CoNLL-2003) and the
// named mentions of GUM's entity annotation, read into one shape.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::entities {

// The four mention types, in label order.
inline constexpr std::string_view kNerTypes[] = {"PERSON", "ORG", "LOC", "MISC"};
inline constexpr int kNumNerTypes = 4;

// Labels: 0 = outside, 1 + 2t = begins a mention of type t, 2 + 2t = inside one.
inline constexpr int kNumNerLabels = 1 + 2 * kNumNerTypes;
inline constexpr std::uint8_t kOutside = 0;
inline std::uint8_t BeginLabel(int type) { return static_cast<std::uint8_t>(1 + 2 * type); }
inline std::uint8_t InsideLabel(int type) { return static_cast<std::uint8_t>(2 + 2 * type); }
inline int LabelType(std::uint8_t label) { return label == kOutside ? -1 : (label - 1) / 2; }
inline bool IsBegin(std::uint8_t label) { return label != kOutside && (label - 1) % 2 == 0; }
// A training label that the corpus leaves open: a word that may or may
// not be (part of) a name the annotators did not mark. Training takes
// whatever labels the current model finds best there, given the known
// labels around them (only ReadEcbPlusNerFile writes it; scoring never
// sees it).
inline constexpr std::uint8_t kUnknownLabel = 0xFF;

struct NerSentence {
  std::vector<std::string> words;
  std::vector<std::uint8_t> labels;  // one per word, IOB2
  bool new_doc = false;              // first sentence of a document
};

// A typed span of words [begin, end).
struct NerSpan {
  std::uint32_t begin = 0, end = 0;
  int type = 0;
  bool operator==(const NerSpan&) const = default;
};

// Maps a corpus type name to a type index: PER/PERSON, ORG, LOC/GPE/FAC,
// and anything else (MISC, OTH, ...) to MISC.
int TypeFromName(std::string_view name);

// Parses an IOB column file. Accepts UNER's `id token tag ...` layout
// (tab separated) and CoNLL-2003's `token pos chunk tag` layout (space
// separated, `-DOCSTART-` lines start documents); `#` comment lines
// (`# newdoc` starts a document) are skipped. IOB1 and IOB2 both come out
// as IOB2. Returns false and sets *error to "line N: why" on a line it
// cannot read.
bool ParseIob(std::string_view data, std::vector<NerSentence>* out, std::string* error);

// Reads an IOB file; throws ConfigError naming the file and line.
std::vector<NerSentence> ReadIobFile(const std::string& path);

// Reads a GUM CoNLL-U file and keeps its named mentions: entity mentions
// whose syntactic head is a proper noun, narrowed to the run of proper
// nouns around that head (so "the United Nations" gives "United Nations",
// "Bank of America" stays whole). GUM's person, organization and place map
// to PERSON, ORG and LOC; named events, objects, abstractions and
// substances to MISC; other kinds (times, quantities, animals, plants) are
// not names here. Titles and forms of address before a person's name are
// left out ("Mr.", "President", as the gazetteer lists them). Nested names
// keep the outermost. Throws ConfigError
// naming the file when it cannot be read or parsed.
std::vector<NerSentence> ReadGumFile(const std::string& path);

// Reads an ECB+ XML file and keeps the names inside its gold mentions of
// people, organisations and places (resolve::ParseEcbPlus finds the name
// in a mention). ECB+ marks only the participants of the events it
// annotates, so its labels are partial: a sentence without a mention is
// all kUnknownLabel, and in the others a capitalised word outside every
// mention (and a connector or number between such words) is
// kUnknownLabel; the rest of the sentence is outside any name.
// HUMAN_PART_PER -> PERSON, _ORG -> ORG, LOC_* and HUMAN_PART_GPE/_FAC ->
// LOC; metonymy, generic and vehicle participants leave their name words
// unknown, and so does a one-word person the gazetteer knows as a
// demonym ("Kessarians"). Titles before a person's name are left out as
// in ReadGumFile. Throws ConfigError naming the file when it cannot be
// read or parsed.
std::vector<NerSentence> ReadEcbPlusNerFile(const std::string& path);

// The spans of an IOB2 label sequence. An inside label without a begin
// starts a span (lenient, as conlleval is); kUnknownLabel is outside.
std::vector<NerSpan> SpansFromLabels(const std::uint8_t* labels, std::size_t n);

}  // namespace sitrep::entities
