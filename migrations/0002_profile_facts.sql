-- Facts derived from each profile at import (src/pipeline/facts/profile-facts.ts), so a run searches and
-- scores from them instead of re-reading every profile's text for every job. `facts` is the whole JSON;
-- the columns below copy out what the search filters on. facts_version 0 = not derived yet (rows imported
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

-- Canonical skills per person, kept in step with talent_profiles.facts by the triggers below (as the FTS
-- index is), so no writer can forget them. Search from facts: the people who have a job's must-haves.
-- No second index: a person's rows are found again through the primary key, from the skills in the
-- old facts, which is what keeps an import's write cost low (one B-tree per skill row, not two).
CREATE TABLE talent_profile_skills (
  company_id TEXT NOT NULL,
  skill TEXT NOT NULL,
  profile_id TEXT NOT NULL,
  PRIMARY KEY (company_id, skill, profile_id)
) WITHOUT ROWID;

CREATE TRIGGER talent_profile_skills_insert AFTER INSERT ON talent_profiles WHEN new.facts IS NOT NULL BEGIN
  INSERT OR IGNORE INTO talent_profile_skills (company_id, skill, profile_id)
  SELECT new.company_id, json_extract(value, '$.skill'), new.id FROM json_each(new.facts, '$.skills');
END;
-- A re-import that derives the same facts writes nothing here.
CREATE TRIGGER talent_profile_skills_update AFTER UPDATE OF facts, company_id ON talent_profiles
WHEN old.facts IS NOT new.facts OR old.company_id IS NOT new.company_id BEGIN
  DELETE FROM talent_profile_skills WHERE company_id = old.company_id AND profile_id = old.id
    AND skill IN (SELECT json_extract(value, '$.skill') FROM json_each(coalesce(old.facts, '{}'), '$.skills'));
  INSERT OR IGNORE INTO talent_profile_skills (company_id, skill, profile_id)
  SELECT new.company_id, json_extract(value, '$.skill'), new.id FROM json_each(coalesce(new.facts, '{}'), '$.skills');
END;
CREATE TRIGGER talent_profile_skills_delete AFTER DELETE ON talent_profiles BEGIN
  DELETE FROM talent_profile_skills WHERE company_id = old.company_id AND profile_id = old.id
    AND skill IN (SELECT json_extract(value, '$.skill') FROM json_each(coalesce(old.facts, '{}'), '$.skills'));
END;

-- The FTS index only needs refreshing when an indexed column changes, not when facts are re-derived.
DROP TRIGGER talent_profiles_fts_update;
CREATE TRIGGER talent_profiles_fts_update AFTER UPDATE OF company_id, full_name, current_title, headline, skills_text, body_text ON talent_profiles BEGIN
  INSERT INTO talent_profiles_fts(talent_profiles_fts, rowid, tenant, full_name, current_title, headline, skills_text, body_text)
  VALUES ('delete', old.seq, old.company_id, old.full_name, old.current_title, old.headline, old.skills_text, old.body_text);
  INSERT INTO talent_profiles_fts(rowid, tenant, full_name, current_title, headline, skills_text, body_text)
  VALUES (new.seq, new.company_id, new.full_name, new.current_title, new.headline, new.skills_text, new.body_text);
END;
