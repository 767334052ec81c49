// Corrections of the recogniser's labels that follow from how news writes
// names, applied after the model (and after the title and listed-organisation
// corrections of ner.cpp). They read only the token features, the tagger's
// tags and the gazetteer bits, never a listed name: general rules, each
// measured with `sitrep eval ner` (`--no-rules` turns them off).
#pragma once

#include <cstddef>
#include <cstdint>

#include "entities/ner.h"

namespace sitrep::entities {

// Sentence-level corrections of labels[0..n):
//  - a name never ends in a lower-case function word ("Sweden of");
//  - a possessive ends a name: "Kosovo's Arben Hoxhaj" is a place and a
//    person, "Serbia's" never runs on into the name after it, and no name
//    starts with "'s";
//  - a capitalised title between an organisation and a name separates
//    them: "Nato Secretary General Jens Albrecht" is an organisation and a
//    person (the title is neither);
//  - a capitalised plural of a listed role before "X and Y" ("Senators
//    Varnell and Kessar") is their title, and X and Y are people;
//  - a demonym alone ("Kosovan", "Russians") is MISC, never a person,
//    organisation or place, and so is an unlisted one-word place with a
//    demonym's ending before a common noun ("Dravenian forces");
//  - two or three capitalised words typed MISC that start with a listed
//    first name ("TOM LEE") are a person;
//  - an acronym the gazetteer lists as an organisation, written in capitals
//    as listed ("NATO"), is an organisation even when the model missed it,
//    and a listed organisation written as listed is one whatever its type;
//  - a listed organisation's name of several words in its own capitals
//    that the model left out, its last word read as a common noun ("The
//    Varnell Union appealed"), is an organisation;
//  - "Idris Kone of Niger" is a person and a listed place, and "Ana Ruiz
//    of Kessar Holdings Ltd" (a listed first name) a person and the
//    organisation its last word types; an untyped rest is left out;
//  - an e-mail or web address is never part of a name and splits a span
//    around it (signatures: "Ana Ruiz ana@... Lenhall Water Board");
//  - a listed first name the model left out right before a one-word
//    person, inside the sentence, starts the name ("with Drew Kessar");
//  - "Municipality of X" and "(The) Republic of X" taken whole are places
//    (name_heads.tsv "whole");
//  - an area of areas.tsv in its own capitals ("Donbas") that the model
//    left out, or typed otherwise as exactly that span, is a place;
//  - an organisation found up to its organisation word takes "of" and the
//    capitalised words after it ("Department [of Fisheries and Coastal
//    Affairs]"), and up to three capitalised words before a company's
//    closing word ("Odalys Freight Corp.") are a company;
//  - "NAME (ACRONYM)", the acronym's letters the name's initials, makes
//    the acronym a name of NAME's type (and a capitalised word before NAME
//    whose initial the acronym starts with joins NAME);
//  - a span of a company's closing words alone ("Inc.") names nothing;
//  - the word that ends a name types it ("... Institute", "... Jr."), or,
//    when that word is no listed head, an organisation word before the
//    name's "of" does ("... Chamber of Commerce"); "the town of X" makes X
//    a place (data/ner/name_heads.tsv);
//  - a title alone after a determiner ("the Secretary") names no one, nor
//    does a title in lower case ("the Harlow senator");
//  - an organisation word with "for" or "of" before a name belongs to it
//    ("the Council for [Coastal Trade and Fisheries]"), and "and" with
//    capitalised words up to an organisation word joins two parts into
//    one organisation ("[Lenhall Water] and Sanitation Authority"; not
//    after a part that is a whole organisation already); there "Office"
//    and the other "join" words of name_heads.tsv end it too;
//  - a capitalised word mostly written in lower case right before an
//    organisation, inside the sentence, starts its name ("the rebel Free
//    Coastal Front");
//  - an adverb in -ly opening the sentence without a comma is no part of
//    the person's name the model ran it into ("Interestingly Odal
//    Kessar"), unless it is a listed first name.
// Labels stay valid IOB2. Time linear in n; allocates only when first
// called (the word list).
// The rules read the lexicons only; the article's outlet is handled in
// RecognizeMentions (entities.h).
void ApplySpanRules(const NerToken* t, std::size_t n, std::uint8_t* labels);

// Document-level correction over all sentences of one article: a person
// mention of one word that the gazetteer lists as a country or a major city
// ("Belgrade would not accept", the dateline "BRUSSELS") is a place, unless
// the word is also part of a longer person's name in the same article
// ("Jordan Peters ... Jordan said") or follows a form of address; and a
// one-word name that opens a sentence is dropped when the word table says
// the word is mostly written in lower case and the article names it
// nowhere else ("Aid reached the town"); a one-word person whose word
// the article names as a place at least as often is that place; and a
// one-word place, not a listed country or major city, whose word
// is in a person's name of two or more words that starts with a listed
// first name ("Marisol Okafor ... Marisol said") is that person; a
// one-word organisation or MISC, not listed, that is the last word of
// such a name ("Marisol Okafor ... fired Okafor") is that person; an
// acronym the article defines ("the Office of Budget Review (OBR)") is of
// the name's type wherever it stands alone in the same capitals; and a
// name of two to six words found once is that name where the article
// writes it again in the same capitals, alone, and the model missed it;
// a name of two to four words typed a person where the article types the
// same words a place at least as often is that place (unless it starts
// with a listed first name); last, a name right after a vessel word ("the tanker Odalys Star",
// name_heads.tsv "vessel"), not listed, is a ship's (MISC) there and
// wherever else the article writes the same words as a name.
void ApplyDocumentRules(const NerSentenceRef* sents, std::size_t count);

}  // namespace sitrep::entities
