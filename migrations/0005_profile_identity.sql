-- One person, one row: the identity an import matches a profile by (externalId, else LinkedIn URL, else
-- first email, else a hash of the profile's content) as one column under a unique index, so two
-- concurrent imports of the same person, or a retried import of a person with no identifier at all,
-- upsert one row instead of writing two (`INSERT … ON CONFLICT (company_id, identity_key) DO UPDATE`).
ALTER TABLE talent_profiles ADD COLUMN identity_key TEXT;

-- Rows written before this migration: their identifier, or (without one) a key of their own, as the
-- content hash is computed by the Worker and cannot be rebuilt here.
UPDATE talent_profiles SET identity_key = CASE
  WHEN external_id IS NOT NULL THEN 'ext:' || external_id
  WHEN linkedin_url IS NOT NULL THEN 'li:' || linkedin_url
  WHEN primary_email IS NOT NULL THEN 'em:' || primary_email
  ELSE 'row:' || id
END;

-- Concurrent imports could store one person twice before this index existed: every copy but the
-- newest keeps a key of its own, so the index can be built and nothing is deleted behind anyone's back.
UPDATE talent_profiles SET identity_key = 'row:' || id
WHERE EXISTS (
  SELECT 1 FROM talent_profiles AS newer
  WHERE newer.company_id = talent_profiles.company_id AND newer.identity_key = talent_profiles.identity_key
    AND (newer.updated_at > talent_profiles.updated_at OR (newer.updated_at = talent_profiles.updated_at AND newer.id > talent_profiles.id))
);

-- The upsert's conflict target (store.ts upsertProfiles) and the identity lookup before it.
CREATE UNIQUE INDEX talent_profiles_by_identity ON talent_profiles(company_id, identity_key);
