-- People-data vendors (People Data Labs) as a candidate source and an enricher.

-- People bought from a vendor are kept in the company's talent pool, so they are searched, given
-- facts, scored, delivered and erased exactly like imported people. `origin` says where a row came
-- from ('import': the company's own record; 'pdl': bought from People Data Labs) and `origin_ref`
-- holds the vendor's own id for the person. A company import of the same person turns the row into
-- an 'import' row, and a vendor purchase never overwrites one (talent-pool/vendor-records.ts).
ALTER TABLE talent_profiles ADD COLUMN origin TEXT NOT NULL DEFAULT 'import';
ALTER TABLE talent_profiles ADD COLUMN origin_ref TEXT;
-- A purchase finds the person bought before by the vendor's id, and a search leaves out the ids the
-- company already holds (they are found in the pool, for free).
CREATE INDEX talent_profiles_by_origin_ref ON talent_profiles(company_id, origin, origin_ref) WHERE origin_ref IS NOT NULL;

-- What each request (run, preview, enrichment) cost at the vendors: calls made (failed ones too) and
-- records bought (what the vendor bills: a search record returned, an enrichment matched). Counters,
-- added to by each call; no personal data.
CREATE TABLE vendor_usage (
  run_id TEXT NOT NULL,
  company_id TEXT NOT NULL,
  vendor TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('search', 'enrich')),
  calls INTEGER NOT NULL DEFAULT 0,
  failed_calls INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (run_id, vendor, operation)
);
-- An operator's spend per company over a period.
CREATE INDEX vendor_usage_by_company ON vendor_usage(company_id, updated_at);

-- People a company erased (DELETE /candidates/{id}) must not come back through a vendor's next
-- search. Only digests are kept (SHA-256 of the company id, a kind and the normalised LinkedIn URL,
-- email or vendor id), enough to recognise the person and nothing to read back.
CREATE TABLE vendor_suppressions (
  company_id TEXT NOT NULL,
  digest TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (company_id, digest)
);
