import { z } from "zod";
import { createSkillFinder, type SkillMention } from "./find-skills";
import lexicon from "./lexicon.json";

export type { SkillMention } from "./find-skills";

/**
 * The skills lexicon: one canonical lower-case name per skill, its surface forms and related skills.
 * The data lives in lexicon.json so it can grow without touching code; this module only indexes it.
 */

const SkillEntry = z.object({
  name: z.string(), // canonical, lower case
  domain: z.string(),
  aliases: z.array(z.string()), // other surface forms, lower case
  related: z.array(z.string()), // canonical names
  // Surface forms that are also ordinary words ("go", "r", "excel"): found in free text only with context.
  // Each is also listed in name or aliases; canonicalSkill() still resolves it (a skills list is unambiguous).
  ambiguous: z.array(z.string()).optional(),
  // Credentials this one contains ("osha 30" includes "osha 10"): holding it shows them in full.
  includes: z.array(z.string()).optional(),
});
type SkillEntry = z.infer<typeof SkillEntry>;

// Parsed once per isolate; a malformed data file should fail loudly at startup, not mid-run.
const entries: SkillEntry[] = z.array(SkillEntry).parse(lexicon.skills);

/**
 * Spelling-insensitive key: "Node.JS", "nodejs" and "node js" all become "nodejs".
 * "+" and "#" are kept because they carry meaning ("c" vs "c++" vs "c#").
 */
export function looseSkillKey(surface: string): string {
  return surface.normalize("NFKC").toLowerCase().replace(/[\s\-_.]+/g, "");
}

const byName = new Map<string, SkillEntry>();
const byLooseKey = new Map<string, string>(); // loose key → canonical
const ambiguousKeys = new Set<string>();
for (const entry of entries) {
  byName.set(entry.name, entry);
  for (const surface of [entry.name, ...entry.aliases]) byLooseKey.set(looseSkillKey(surface), entry.name);
  for (const surface of entry.ambiguous ?? []) ambiguousKeys.add(looseSkillKey(surface));
}

/** Every canonical skill name, in lexicon order. */
export function allSkills(): string[] {
  return entries.map((e) => e.name);
}

/** The canonical name for a skill or any of its aliases; null when the lexicon does not know it. */
export function canonicalSkill(raw: string): string | null {
  const trimmed = raw
    .trim()
    // Bullets, quotes and list punctuation around a skill are never part of it.
    .replace(/^[\s"'`“”‘’(\[{,;:!?*•·–—-]+/u, "")
    .replace(/[\s"'`“”‘’)\]},;:!?*•·.]+$/u, "");
  if (trimmed === "") return null;
  return byLooseKey.get(looseSkillKey(trimmed)) ?? null;
}

/** All surface forms of a skill, the canonical name first; empty for an unknown skill. */
export function skillAliases(canonical: string): string[] {
  const entry = byName.get(canonical);
  return entry ? [entry.name, ...entry.aliases] : [];
}

/** Canonical names of skills related to this one; empty for an unknown skill. */
export function relatedSkills(canonical: string): string[] {
  return byName.get(canonical)?.related ?? [];
}

/** Canonical names of the skills that include this one ("osha 30" for "osha 10"); see SkillEntry.includes. */
export function skillsIncluding(canonical: string): string[] {
  return includedBy.get(canonical) ?? [];
}
const includedBy = new Map<string, string[]>();
for (const entry of entries) for (const inner of entry.includes ?? []) includedBy.set(inner, [...(includedBy.get(inner) ?? []), entry.name]);

/** The lexicon domain of a skill ("software", "nursing", …), or null when unknown. */
export function skillDomain(canonical: string): string | null {
  return byName.get(canonical)?.domain ?? null;
}

// Built on first use: indexing every surface form is the costly part of this module.
let finder: ((text: string) => SkillMention[]) | undefined;

/**
 * Where lexicon skills are mentioned in free text: every mention that counts, in order, with its
 * UTF-16 offsets into `text` and the words as written there (in "Strong in Node.JS", node.js at 10–17).
 * Word-boundary aware ("c" never matches inside "c++"), and surface forms that are also English
 * words ("go", "excel", "swift") only count with context — see ambiguity.ts for the rules.
 */
export function findSkillMentions(text: string): SkillMention[] {
  finder ??= createSkillFinder(
    entries.flatMap((e) =>
      [e.name, ...e.aliases].map((surface) => ({
        surface,
        canonical: e.name,
        ambiguous: ambiguousKeys.has(looseSkillKey(surface)),
      })),
    ),
  );
  return finder(text);
}

/** Canonical skills mentioned in free text, unique, in order of first appearance. */
export function findSkillsInText(text: string): string[] {
  return [...new Set(findSkillMentions(text).map((m) => m.canonical))];
}
