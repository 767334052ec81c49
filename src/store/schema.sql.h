// SQL for the sitrep.db schema, version 2 (version 1 had no full-text
// index and fewer indexes; `sitrep serve` needs version 2). The tables of cross-article
// records keep the full JSON line in `json` so fields added to the contract
// later are never lost; articles are spread over their own tables instead,
// because their JSON repeats the whole text and would double the file.
#pragma once

namespace sitrep::store {

inline constexpr const char* kSchemaSql = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
  outlet TEXT, published TEXT, published_from TEXT, title TEXT, author TEXT, url TEXT,
  language TEXT, translated_from TEXT, text TEXT NOT NULL, token_count INTEGER,
  warnings TEXT, sentences TEXT, tone REAL, tone_positive REAL, tone_negative REAL,
  tone_polarity REAL, tone_word_count INTEGER);
CREATE TABLE removed (article_id TEXT NOT NULL REFERENCES articles(id), ord INTEGER NOT NULL,
  text TEXT NOT NULL, why TEXT NOT NULL, PRIMARY KEY (article_id, ord));
CREATE TABLE mentions (article_id TEXT NOT NULL REFERENCES articles(id), ord INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
  entity_id TEXT, PRIMARY KEY (article_id, ord));
CREATE TABLE times (article_id TEXT NOT NULL REFERENCES articles(id), ord INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT, value TEXT,
  PRIMARY KEY (article_id, ord));
CREATE TABLE inconsistencies (article_id TEXT NOT NULL REFERENCES articles(id), ord INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
  detail TEXT, PRIMARY KEY (article_id, ord));
CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT,
  actor_code TEXT, mention_count INTEGER, json TEXT NOT NULL);
CREATE TABLE entity_aliases (entity_id TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL);
CREATE TABLE entity_roles (entity_id TEXT NOT NULL REFERENCES entities(id), role TEXT NOT NULL);
CREATE TABLE entity_articles (entity_id TEXT NOT NULL REFERENCES entities(id),
  article_id TEXT NOT NULL REFERENCES articles(id));
CREATE TABLE quotes (id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id),
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
  speaker_entity TEXT, speaker_name TEXT, speaker_description TEXT, cue TEXT, json TEXT NOT NULL);
CREATE TABLE quote_same_as (quote_id TEXT NOT NULL REFERENCES quotes(id), other_id TEXT NOT NULL);
CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT, cameo TEXT NOT NULL, root TEXT NOT NULL,
  quad_class INTEGER, goldstein REAL, source_entity TEXT, source_name TEXT, source_actor_code TEXT,
  target_entity TEXT, target_name TEXT, target_actor_code TEXT, location_name TEXT,
  location_country TEXT, location_entity TEXT, negated INTEGER, num_articles INTEGER,
  num_outlets INTEGER, json TEXT NOT NULL);
CREATE TABLE event_mentions (event_id TEXT NOT NULL REFERENCES events(id),
  article_id TEXT NOT NULL REFERENCES articles(id), start INTEGER, "end" INTEGER);
CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT,
  json TEXT NOT NULL);
CREATE TABLE story_articles (story_id TEXT NOT NULL REFERENCES stories(id),
  article_id TEXT NOT NULL REFERENCES articles(id));
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root ON events(root);
CREATE INDEX event_mentions_article ON event_mentions(article_id);
CREATE INDEX story_articles_article ON story_articles(article_id);
CREATE INDEX entity_articles_article ON entity_articles(article_id);
CREATE INDEX entity_articles_entity ON entity_articles(entity_id);
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);
CREATE INDEX entity_roles_entity ON entity_roles(entity_id);
CREATE INDEX quote_same_as_quote ON quote_same_as(quote_id);
CREATE INDEX events_source ON events(source_entity);
CREATE INDEX events_target ON events(target_entity);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX story_articles_story ON story_articles(story_id);
-- Full-text search over titles and bodies, ranked with bm25. External
-- content: the text is stored once, in `articles`; the index is filled by
-- the 'rebuild' command after the articles are in.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
)SQL";

// Run after the articles are inserted.
inline constexpr const char* kFillSearchIndexSql =
    "INSERT INTO articles_fts(articles_fts) VALUES('rebuild'); INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');";

}  // namespace sitrep::store
