-- Facts derived from each profile at import (src/pipeline/facts/profile-facts.ts), so a run searches and
-- scores from them instead of re-reading every profile's text for every job. `facts` is the whole JSON;
-- the columns below (and `skill_keys` in the full-text index) copy out what the search filters on.
-- facts_version 0 = not derived yet (rows imported
-- before this migration): `POST /admin/facts/rederive` fills them in, and scoring derives them on the fly meanwhile.
ALTER TABLE talent_profiles ADD COLUMN facts TEXT;
ALTER TABLE talent_profiles ADD COLUMN facts_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE talent_profiles ADD COLUMN occupation_id TEXT;
ALTER TABLE talent_profiles ADD COLUMN occupation_family TEXT;
ALTER TABLE talent_profiles ADD COLUMN seniority_rank INTEGER; -- 0 intern … 6 executive, from the current title
ALTER TABLE talent_profiles ADD COLUMN country TEXT; -- ISO 3166-1 alpha-2
ALTER TABLE talent_profiles ADD COLUMN lat REAL; -- degrees
ALTER TABLE talent_profiles ADD COLUMN lon REAL; -- degrees
ALTER TABLE talent_profiles ADD COLUMN works_remotely INTEGER NOT NULL DEFAULT 0;

-- Search from facts: the people of one occupation family (the occupation gate); the place predicate is
-- checked on the index entries (country) and the rows (lat/lon). Every index costs each import a B-tree
-- write, so there is no index for a query that does not use one as its driver.
CREATE INDEX talent_profiles_by_occupation ON talent_profiles(company_id, occupation_family, country);
-- Re-derivation walks the rows whose facts are older than the code's FACTS_VERSION.
CREATE INDEX talent_profiles_by_facts_version ON talent_profiles(facts_version);

ALTER TABLE talent_profiles ADD COLUMN skill_keys TEXT NOT NULL DEFAULT ''; -- one FTS token per canonical skill

-- The full-text index gains `skill_keys`: the canonical skills of the facts, one opaque token each
-- (src/talent-pool/skill-tokens.ts), so "who has these skills" is an index lookup inside the index an
-- import already writes, instead of a row per person and skill in a table of its own.
DROP TRIGGER talent_profiles_fts_insert;
DROP TRIGGER talent_profiles_fts_delete;
DROP TRIGGER talent_profiles_fts_update;
DROP TABLE talent_profiles_fts;
CREATE VIRTUAL TABLE talent_profiles_fts USING fts5(
  tenant, full_name, current_title, headline, skills_text, body_text, skill_keys,
  content = 'talent_profiles', content_rowid = 'seq', tokenize = 'porter unicode61'
);
INSERT INTO talent_profiles_fts(rowid, tenant, full_name, current_title, headline, skills_text, body_text, skill_keys)
SELECT seq, company_id, full_name, current_title, headline, skills_text, body_text, skill_keys FROM talent_profiles;
CREATE TRIGGER talent_profiles_fts_insert AFTER INSERT ON talent_profiles BEGIN
  INSERT INTO talent_profiles_fts(rowid, tenant, full_name, current_title, headline, skills_text, body_text, skill_keys)
  VALUES (new.seq, new.company_id, new.full_name, new.current_title, new.headline, new.skills_text, new.body_text, new.skill_keys);
END;
CREATE TRIGGER talent_profiles_fts_delete AFTER DELETE ON talent_profiles BEGIN
  INSERT INTO talent_profiles_fts(talent_profiles_fts, rowid, tenant, full_name, current_title, headline, skills_text, body_text, skill_keys)
  VALUES ('delete', old.seq, old.company_id, old.full_name, old.current_title, old.headline, old.skills_text, old.body_text, old.skill_keys);
END;
-- Only when an indexed column changes: a re-import or re-derivation that changes nothing writes nothing here.
CREATE TRIGGER talent_profiles_fts_update AFTER UPDATE OF company_id, full_name, current_title, headline, skills_text, body_text, skill_keys ON talent_profiles
WHEN old.company_id IS NOT new.company_id OR old.full_name IS NOT new.full_name OR old.current_title IS NOT new.current_title
  OR old.headline IS NOT new.headline OR old.skills_text IS NOT new.skills_text OR old.body_text IS NOT new.body_text OR old.skill_keys IS NOT new.skill_keys BEGIN
  INSERT INTO talent_profiles_fts(talent_profiles_fts, rowid, tenant, full_name, current_title, headline, skills_text, body_text, skill_keys)
  VALUES ('delete', old.seq, old.company_id, old.full_name, old.current_title, old.headline, old.skills_text, old.body_text, old.skill_keys);
  INSERT INTO talent_profiles_fts(rowid, tenant, full_name, current_title, headline, skills_text, body_text, skill_keys)
  VALUES (new.seq, new.company_id, new.full_name, new.current_title, new.headline, new.skills_text, new.body_text, new.skill_keys);
END;
