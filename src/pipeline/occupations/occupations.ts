import { z } from "zod";
import data from "./occupations.json";

/**
 * The curated occupations (occupations.json) and the relations between them. An occupation is what a
 * person does ("backend-engineer"), independent of level; specialisations point at their parent, and
 * `adjacent` lists the look-alikes a recruiter would call near but not right (data analyst ↔ data
 * scientist, LPN ↔ RN, bookkeeper ↔ accountant).
 */

const OccupationSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u),
  name: z.string().min(1),
  /** US SOC 2018 detailed occupation code ("15-1252") the occupation falls under. */
  soc: z.string().regex(/^\d{2}-\d{4}$/u),
  /** Profession the occupation is counted under in coverage figures ("software", "healthcare"). */
  domain: z.string().min(1),
  parent: z.string().optional(),
  adjacent: z.array(z.string()).default([]),
  /** Title variants as people write them, lower case, without level words. */
  titles: z.array(z.string().min(1)).min(1),
  /** Short forms ("rn", "sre", "or nurse") that a title may be, but free text never counts. */
  abbreviations: z.array(z.string().min(1)).default([]),
  /** Names of the discipline or department ("nursing", "data science"): "Head of Nursing", "Design Lead". */
  fields: z.array(z.string().min(1)).default([]),
  /** Occupations whose people this one manages; non-empty makes it a people-management occupation. */
  manages: z.array(z.string()).default([]),
});
export type Occupation = z.infer<typeof OccupationSchema>;

// Parsed once per isolate; a malformed file fails at load, where the test suite sees it.
const OCCUPATIONS: readonly Occupation[] = z.array(OccupationSchema).parse(data.occupations);
const BY_ID = new Map(OCCUPATIONS.map((o) => [o.id, o]));

export function allOccupations(): readonly Occupation[] {
  return OCCUPATIONS;
}

export function occupationById(id: string): Occupation | undefined {
  return BY_ID.get(id);
}

/** The occupation and its ancestors, nearest first. Cached: the parent graph never changes. */
export function occupationLineage(id: string): readonly string[] {
  let chain = LINEAGE.get(id);
  if (chain === undefined) {
    chain = computeLineage(id);
    LINEAGE.set(id, chain);
  }
  return chain;
}
const LINEAGE = new Map<string, readonly string[]>();

function computeLineage(id: string): string[] {
  const chain: string[] = [];
  for (let cur = BY_ID.get(id); cur && !chain.includes(cur.id); cur = cur.parent ? BY_ID.get(cur.parent) : undefined) {
    chain.push(cur.id);
  }
  return chain;
}

/** The top ancestor ("icu-nurse" → "registered-nurse"); the key to index candidates by. */
export function occupationFamily(id: string): string {
  const chain = occupationLineage(id);
  return chain[chain.length - 1] ?? id;
}

/** Levels below the family root: 0 for a root, 1 for "backend-engineer", 2 for "ios-engineer". */
export function occupationDepth(id: string): number {
  return Math.max(occupationLineage(id).length - 1, 0);
}

export function isPeopleManagement(id: string): boolean {
  return (BY_ID.get(id)?.manages.length ?? 0) > 0;
}

export type OccupationRelation = "same" | "specialization" | "generalization" | "sibling" | "adjacent" | "other";

/**
 * How a candidate's occupation stands to the job's. Specialisation and generalisation follow the whole
 * parent chain (job "software-engineer", candidate "ios-engineer" is a specialisation). Adjacency is
 * listed once in the data and holds both ways; it is checked before siblinghood because a curated
 * "near but not right" (frontend ↔ full-stack) says more than sharing a parent does. Siblings share a
 * direct parent (backend ↔ frontend); cousins (backend ↔ iOS) are "other".
 */
export function occupationRelation(jobOccupationId: string, candidateOccupationId: string): OccupationRelation {
  if (jobOccupationId === candidateOccupationId) return "same";
  if (occupationLineage(candidateOccupationId).includes(jobOccupationId)) return "specialization";
  if (occupationLineage(jobOccupationId).includes(candidateOccupationId)) return "generalization";
  const job = BY_ID.get(jobOccupationId);
  const candidate = BY_ID.get(candidateOccupationId);
  if (!job || !candidate) return "other";
  if (job.adjacent.includes(candidate.id) || candidate.adjacent.includes(job.id)) return "adjacent";
  if (job.parent !== undefined && job.parent === candidate.parent) return "sibling";
  return "other";
}

/**
 * The people-management occupation for work of `id`: the first occupation (in file order) that lists
 * `id` or its nearest ancestor under `manages` ("backend-engineer" → "engineering-manager").
 */
export function managingOccupation(id: string): string | null {
  return MANAGER_OF.get(id) ?? null;
}

const MANAGER_OF: Map<string, string> = (() => {
  const direct = new Map<string, string>();
  for (const o of OCCUPATIONS) for (const m of o.manages) if (!direct.has(m)) direct.set(m, o.id);
  const out = new Map<string, string>();
  for (const o of OCCUPATIONS) {
    const manager = occupationLineage(o.id).map((a) => direct.get(a)).find((m) => m !== undefined);
    if (manager !== undefined && manager !== o.id) out.set(o.id, manager);
  }
  return out;
})();
