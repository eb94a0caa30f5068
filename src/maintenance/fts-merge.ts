// Merging the talent pool's full-text index (talent_profiles_fts, FTS5 over external content). An
// erased or re-imported profile's rows leave the index only as delete entries in a newer segment:
// its tokens stay readable in the older segments (the database file, backups of it) until the
// segments holding them are merged. FTS5 'optimize' merges every segment into one, but in a single
// statement whose time grows with the index, which D1's per-statement limit would cut short on a big
// pool. 'merge' with a negative N is the incremental form of the same thing: every segment is put on
// one level and at most |N| pages are merged per call, so repeated calls amount to 'optimize' in
// bounded steps (https://sqlite.org/fts5.html#the_merge_command).

/**
 * One merge step of at most `pages` pages; true if it did any work. FTS5's own test of that is
 * the database's change count moving by 2 or more (a no-op merge moves it by less), which D1 reports
 * as the statement's `changes`.
 */
export async function mergeTalentPoolIndexStep(db: D1Database, pages: number): Promise<boolean> {
  const { meta } = await db
    .prepare(`INSERT INTO talent_profiles_fts (talent_profiles_fts, rank) VALUES ('merge', ?1)`)
    .bind(-Math.max(1, Math.floor(pages)))
    .run();
  return meta.changes >= 2;
}
