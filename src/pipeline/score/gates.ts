import { distanceKm, parseArea, placeInArea, type GeoArea } from "../../geo";
import type { PlaceFact, ProfileFacts } from "../facts/profile-facts";
import {
  isPeopleManagement, occupationById, occupationLedBy, occupationRelation, occupationsNamedBy, readTitle, seniorityFromYears, seniorityRank,
  titleAlternatives, titleKinship, type OccupationRelation, type Seniority,
} from "../occupations";
import type { Icp, LocationPolicy } from "../types";
import { UNKNOWN_SCORE, type Assessment } from "./assessment";
import { quotable } from "./quotes";
import { titleSimilarity } from "./title";

/**
 * The hard constraints of a job, each judged from a profile's facts. A candidate who fails one ranks
 * below every candidate who passes them all (score-candidate.ts caps the score), and the red flag names
 * the constraint with its evidence. "unknown" is not a failure: a profile that does not say where its
 * person lives is not outside the policy, it only cannot be shown inside it.
 */
export type Gate = "pass" | "fail" | "unknown";
/** `ceiling`: the highest matchScore a candidate can reach with this verdict (a pass with a reservation). */
export type GateAssessment = Assessment & { gate: Gate; ceiling?: number };

/** Score bands; see score-candidate.ts and the README. */
export const BANDS = { failsGate: 39, passFloor: 40, neighbourCeiling: 69, gapCeiling: 84 } as const;

/** "13 km", "about 1,050 km": distances past 100 km are rounded to tens, as nobody commutes by the kilometre. */
function km(distance: number): string {
  const rounded = distance < 100 ? Math.round(distance) : Math.round(distance / 10) * 10;
  return `${rounded.toLocaleString("en-US")} km`;
}
const quotedField = (label: string, text: string | null) => {
  const q = text ? quotable(text) : null;
  return q ? `${label} "${q}"` : label;
};

// --- occupation -------------------------------------------------------------------------------------

const RELATION_SCORE = { same: 100, specialization: 100, generalization: 85, sibling: 50, adjacent: 40, "same field": 25, other: 0 } as const;

/**
 * The occupation model's relation, softened once: two individual-contributor occupations of one field
 * ("growth marketer" for a "marketing manager" role) are near, not foreign — the line between them is
 * drawn differently by every company. Managing the work versus doing it stays "other" (an engineering
 * manager is not a backend engineer), as does every other field.
 */
function relationOf(jobId: string, candidateId: string): OccupationRelation | "same field" {
  const relation = occupationRelation(jobId, candidateId);
  if (relation !== "other") return relation;
  const job = occupationById(jobId);
  const candidate = occupationById(candidateId);
  const sameField = job && candidate && job.domain === candidate.domain && isPeopleManagement(jobId) === isPeopleManagement(candidateId);
  return sameField ? "same field" : "other";
}

/** Relations the curated model states for itself; title words never overrule them. */
const CURATED: ReadonlySet<string> = new Set(["same", "specialization", "generalization", "adjacent"]);

type TitleVerdict = { occupationId: string | null; guessed: boolean; relation: OccupationRelation | "same field" | null; kin: boolean };

/**
 * The best reading of the candidate's title for this job: the title as a whole, or one of its written
 * alternatives ("Legal Assistant / Paralegal" is a paralegal for a paralegal role). An occupation the
 * job title itself names is the job's ("Chemistry Teacher" for "High School Chemistry Teacher"); a team
 * lead of the job's work does the work. Where the occupation model gives no curated verdict, the title
 * words decide (title-kinship.ts).
 */
function readCandidateTitle(jobId: string | null, jobTitle: string | undefined, facts: ProfileFacts, text: string): TitleVerdict {
  const readings: TitleVerdict[] = [{ occupationId: facts.occupationId, guessed: facts.occupationGuessed, relation: null, kin: false }];
  for (const part of titleAlternatives(text)) {
    const r = readTitle(part);
    if (r.occupationId && r.occupationId !== facts.occupationId) readings.push({ occupationId: r.occupationId, guessed: r.matched === null, relation: null, kin: false });
  }
  const led = occupationLedBy(text);
  if (led !== null && led !== facts.occupationId) readings.push({ occupationId: led, guessed: false, relation: null, kin: false });
  const named = jobTitle === undefined ? new Set<string>() : occupationsNamedBy(jobTitle);
  for (const r of readings) {
    if (!jobId || !r.occupationId) continue;
    r.relation = !r.guessed && named.has(r.occupationId) ? "same" : relationOf(jobId, r.occupationId);
  }
  const best = readings.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  if (jobTitle === undefined || (best.relation !== null && CURATED.has(best.relation) && !best.guessed)) return best;
  const kinship = titleKinship(jobTitle, text);
  if (kinship === null) return best;
  return { occupationId: jobId, guessed: false, relation: kinship === "named by the job" ? "same" : "specialization", kin: true };
}

function rank(v: TitleVerdict): number {
  return v.relation === null ? -1 : RELATION_SCORE[v.relation] - (v.guessed ? 1 : 0);
}

export function assessOccupation(icp: Icp, facts: ProfileFacts): GateAssessment {
  const title = facts.title;
  if (!title) return { score: 30, gate: "unknown", ceiling: BANDS.neighbourCeiling, fitPoints: [], redFlags: ["No current job title given"], gap: "no current title" };
  const shown = quotedField(title.source === "headline" ? "Headline" : "Current title", title.text);
  const wanted = icp.occupation;
  const verdict = readCandidateTitle(wanted?.id ?? null, icp.titles[0], facts, title.text);
  if (verdict.kin && wanted) {
    return { score: 90, gate: "pass", fitPoints: [`${shown} is named by the role's own title words (${wanted.name})`], redFlags: [] };
  }
  // A job or a title outside the occupation model is judged by title words alone, and never gated on.
  if (!wanted || !verdict.occupationId || verdict.relation === null) {
    const similarity = titleSimilarity(title.text, icp.titles);
    if (similarity >= 85) return { score: similarity, gate: "pass", fitPoints: [`${shown} matches the role`], redFlags: [] };
    return {
      score: Math.min(similarity, 40), gate: "unknown", ceiling: BANDS.neighbourCeiling, fitPoints: [],
      redFlags: [`${shown} is not recognisably ${wanted?.name ?? icp.titles[0] ?? "the role"}`], gap: "an unrecognised title",
    };
  }
  const relation = verdict.relation;
  const theirs = occupationById(verdict.occupationId)?.name ?? verdict.occupationId;
  // The posting's own words outrank the model's kinship: "legal secretaries will not be considered".
  const ruledOut = !verdict.guessed && relation !== "same" && relation !== "specialization" ? icp.excludedOccupations.find((o) => o.id === verdict.occupationId) : undefined;
  if (ruledOut) {
    return {
      score: 0, gate: "fail", fitPoints: [],
      redFlags: [`${shown} is ${theirs}, which the posting rules out`], gap: `currently ${theirs}`,
    };
  }
  // A title read only by its head noun ("Resident Engineer" is some engineer) is a guess: it can pass,
  // but not into the top band, and it never fails anyone.
  if (verdict.guessed) {
    const fits = relation === "same" || relation === "specialization" || relation === "generalization";
    return {
      score: fits ? 70 : 30, gate: fits ? "pass" : "unknown", ceiling: fits ? BANDS.gapCeiling : BANDS.neighbourCeiling, fitPoints: [],
      redFlags: [`${shown} names no occupation we know; read by its last word it could be ${theirs}`], gap: "an unrecognised title",
    };
  }
  switch (relation) {
    case "same":
    case "specialization":
      return { score: RELATION_SCORE[relation], gate: "pass", fitPoints: [`${shown} is ${theirs}, the role's occupation`], redFlags: [] };
    case "generalization":
      return { score: RELATION_SCORE.generalization, gate: "pass", fitPoints: [`${shown} is ${theirs}, which includes ${wanted.name}`], redFlags: [] };
    case "sibling":
    case "adjacent":
    case "same field":
      return {
        score: RELATION_SCORE[relation], gate: "pass", ceiling: BANDS.neighbourCeiling, fitPoints: [],
        redFlags: [`${shown} is ${theirs}, a neighbour of ${wanted.name} rather than the occupation itself`],
        gap: `${theirs} rather than ${wanted.name}`,
      };
    default:
      return {
        score: 0, gate: "fail", fitPoints: [],
        redFlags: [`${shown} is ${theirs}, another occupation than ${wanted.name} (the role's occupation is a hard requirement)${pastOccupationNote(facts, wanted.id)}`],
        gap: `currently ${theirs}`,
      };
  }
}

/** A career changer's earlier work in the wanted occupation, said so the flag is fair to them. */
function pastOccupationNote(facts: ProfileFacts, wantedId: string): string {
  const wasIt = (id: string | null) => id !== null && ["same", "specialization", "generalization"].includes(occupationRelation(wantedId, id));
  const past = facts.roles.find((r) => r.end !== null && r.title.trim() !== facts.title?.text && wasIt(r.occupationId));
  const q = past ? quotable(past.title) : null;
  return q ? `; earlier "${q}"` : "";
}

// --- seniority --------------------------------------------------------------------------------------

export function assessSeniority(icp: Icp, facts: ProfileFacts, careerMonths: number | null): GateAssessment {
  const fromTitle = facts.seniority;
  const level: Seniority | null = fromTitle ?? (careerMonths !== null ? seniorityFromYears(careerMonths / 12) : null);
  if (level === null) return { score: UNKNOWN_SCORE, gate: "unknown", ceiling: BANDS.gapCeiling, fitPoints: [], redFlags: [] };
  const min = seniorityRank(icp.seniorityRange.min);
  const max = seniorityRank(icp.seniorityRange.max);
  const rank = seniorityRank(level);
  const distance = rank < min ? min - rank : rank > max ? rank - max : 0;
  const range = min === max ? icp.seniorityRange.min : `${icp.seniorityRange.min}–${icp.seniorityRange.max}`;
  const years = Math.floor((careerMonths ?? 0) / 12);
  const basis = fromTitle ? quotedField("Current title", facts.title?.text ?? null) : `${years} year${years === 1 ? "" : "s"} of experience`;
  if (distance === 0) return { score: 100, gate: "pass", fitPoints: fromTitle ? [`${basis} is ${level} level, as asked`] : [], redFlags: [] };
  const direction = rank < min ? "below" : "above";
  // More years than the role asks are not a level: only a title can say someone is above the range.
  // Except at the start of a career: a junior role is for someone with few years, and five or more
  // under a plain title are past it (a reservation, not a stop, as the title does not say how far).
  if (!fromTitle && direction === "above") {
    const pastEntryLevel = max <= seniorityRank("junior") && distance >= 2;
    if (!pastEntryLevel) return { score: 100, gate: "pass", fitPoints: [], redFlags: [] };
    return {
      score: 60, gate: "pass", ceiling: BANDS.gapCeiling, fitPoints: [],
      redFlags: [`${basis} is past the start of a career the role's ${range} level asks for`], gap: `${years} years of experience for a ${range} role`,
    };
  }
  if (distance === 1) {
    return {
      score: 60, gate: "pass", ceiling: BANDS.gapCeiling, fitPoints: [],
      redFlags: [`${basis} suggests ${level} level, one level ${direction} the role's ${range}`], gap: `${level} rather than ${range} level`,
    };
  }
  // Two levels up is a stretch, not a stop: ladders differ between companies ("Principal" in one firm is
  // "Senior" in the next). Two levels down, or three up, is another job.
  if (distance === 2 && direction === "above") {
    return {
      score: 30, gate: "pass", ceiling: BANDS.neighbourCeiling, fitPoints: [],
      redFlags: [`${basis} suggests ${level} level, 2 levels above the role's ${range}`], gap: `${level} rather than ${range} level`,
    };
  }
  return {
    score: distance === 2 ? 15 : 0, gate: "fail", fitPoints: [],
    redFlags: [`${basis} suggests ${level} level, ${distance} levels ${direction} the role's ${range} (a hard requirement)`],
    gap: `${level} rather than ${range} level`,
  };
}

// --- location ---------------------------------------------------------------------------------------

const areaCache = new Map<string, GeoArea | null>();
function area(name: string): GeoArea | null {
  if (!areaCache.has(name)) areaCache.set(name, parseArea(name));
  return areaCache.get(name) ?? null;
}

/** Whether remote work is accepted from this place under the policy (null: remote is not accepted at all). */
function remoteAllows(policy: LocationPolicy, place: PlaceFact | null): boolean | null {
  const limited = policy.remoteCountries.length > 0 || policy.remoteRegions.length > 0;
  if (policy.mode !== "remote" && !limited) return null;
  if (!limited) return true;
  if (!place) return false;
  if (place.country && policy.remoteCountries.includes(place.country)) return true;
  return policy.remoteRegions.some((name) => {
    const a = area(name);
    return a !== null && placeInArea({ ...place, population: null }, a);
  });
}

/** "the role is onsite in San Francisco", "the role is hybrid in Berlin or Munich, or remote within US". */
function describePolicy(policy: LocationPolicy): string {
  const remote = remoteWhere(policy);
  if (policy.mode === "remote") return `the role is ${remote}`;
  const at = `the role is ${policy.mode} in ${policy.places.map((p) => p.name).join(" or ")}`;
  return policy.remoteCountries.length + policy.remoteRegions.length > 0 ? `${at}, or ${remote}` : at;
}

function remoteWhere(policy: LocationPolicy): string {
  const names = [...policy.remoteRegions, ...(policy.remoteRegions.length === 0 ? policy.remoteCountries : [])];
  return names.length > 0 ? `remote within ${names.join(", ")}` : "remote";
}

export function assessLocation(policy: LocationPolicy, facts: ProfileFacts): GateAssessment {
  if (policy.mode === "any") return { score: 100, gate: "pass", fitPoints: [], redFlags: [] };
  const place = facts.place;
  const shown = quotedField("Location", facts.locationText);
  const nearest = place && place.kind === "city" && place.lat !== null && place.lon !== null
    ? policy.places
        .map((p) => ({ p, km: distanceKm({ lat: place.lat!, lon: place.lon! }, p) }))
        .sort((a, b) => a.km - b.km)[0]
    : undefined;
  if (nearest && nearest.km <= nearest.p.radiusKm) {
    return { score: 100, gate: "pass", fitPoints: [`${shown} is ${km(nearest.km)} from ${nearest.p.name}`], redFlags: [] };
  }
  const remote = remoteAllows(policy, place);
  if (remote === true) {
    const fit = policy.remoteCountries.length + policy.remoteRegions.length > 0 ? `${shown} is where the role can be ${remoteWhere(policy)}` : `${shown} is fine: the role is remote`;
    return { score: 100, gate: "pass", fitPoints: facts.locationText ? [fit] : [], redFlags: [] };
  }
  if (!facts.locationText) return { score: UNKNOWN_SCORE, gate: "unknown", ceiling: BANDS.gapCeiling, fitPoints: [], redFlags: ["No location given"], gap: "no location given" };
  // Someone who works remotely and gives no town cannot be placed near an office: for an on-site role
  // that is a "no", not an "unknown".
  if (facts.remote && remote === null && (!place || place.kind !== "city")) {
    return { score: 0, gate: "fail", fitPoints: [], redFlags: [`${shown}: works remotely; ${describePolicy(policy)}`], gap: "remote for an on-site role" };
  }
  if (!place) return { score: UNKNOWN_SCORE, gate: "unknown", ceiling: BANDS.gapCeiling, fitPoints: [], redFlags: [`${shown} could not be placed on a map`], gap: "an unknown location" };

  const policyText = describePolicy(policy);
  if (nearest) {
    return {
      score: 0, gate: "fail", fitPoints: [],
      redFlags: [`${shown} is about ${km(nearest.km)} from ${nearest.p.name}; ${policyText}`], gap: "outside the location policy",
    };
  }
  // A country or region alone: inside the right country it may be commutable, so it cannot be failed.
  if (policy.places.some((p) => p.country === place.country) && place.kind !== "city") {
    return {
      score: UNKNOWN_SCORE, gate: "unknown", ceiling: BANDS.gapCeiling, fitPoints: [],
      redFlags: [`${shown} is too broad to tell the distance to ${policy.places.map((p) => p.name).join(" or ")}`], gap: "a broad location",
    };
  }
  return { score: 0, gate: "fail", fitPoints: [], redFlags: [`${shown} is outside the location policy: ${policyText}`], gap: "outside the location policy" };
}
