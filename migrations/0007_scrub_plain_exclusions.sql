-- Runs stored before exclusions were digested kept the excluded emails and LinkedIn URLs in plain
-- text in `request`, out of reach of DELETE /candidates. D1's copy of a request is never read for
-- matching (each run object keeps its own), so the plain lists are removed rather than rewritten
-- (SQLite has no SHA-256 to digest them with); profile ids and newer digests stay.
UPDATE sourcing_runs
SET request = json_remove(request, '$.exclude.emails', '$.exclude.linkedinUrls')
WHERE json_extract(request, '$.exclude.emails') IS NOT NULL
   OR json_extract(request, '$.exclude.linkedinUrls') IS NOT NULL;
