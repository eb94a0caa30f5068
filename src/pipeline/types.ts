import { z } from "zod";

/** A profile as a company imports it into its talent pool (the contract's import shape). */
export const ProfileInput = z.object({
  externalId: z.string().trim().min(1).max(200).optional(),
  fullName: z.string().trim().min(1).max(200),
  headline: z.string().max(500).optional(),
  summary: z.string().max(10_000).optional(),
  location: z.string().max(200).optional(),
  country: z.string().max(100).optional(),
  currentTitle: z.string().max(200).optional(),
  currentCompany: z.string().max(200).optional(),
  skills: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  experience: z
    .array(
      z.object({
        title: z.string().max(200),
        company: z.string().max(200),
        startDate: z.string().max(20).optional(), // "YYYY-MM" or "YYYY-MM-DD"
        endDate: z.string().max(20).optional(), // absent = current role
        description: z.string().max(5_000).optional(),
      }),
    )
    .max(50)
    .optional(),
  education: z
    .array(
      z.object({
        school: z.string().max(200),
        degree: z.string().max(200).optional(),
        field: z.string().max(200).optional(),
        endYear: z.number().int().min(1900).max(2100).optional(),
      }),
    )
    .max(20)
    .optional(),
  emails: z.array(z.email().max(320)).max(10).optional(),
  linkedinUrl: z.url().max(500).optional(),
  resumeText: z.string().max(50_000).optional(),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

/** A stored talent-pool profile: the import shape plus its identity within one company. */
export type TalentProfile = ProfileInput & {
  profileId: string; // "prof_<uuid>"
  companyId: string;
};

export const SENIORITY_SCALE = ["intern", "junior", "mid", "senior", "lead", "principal", "executive"] as const;

/**
 * Where the job can be done, as the contract's `locationPolicy`:
 * - "onsite" / "hybrid": people within `radiusKm` of one of `places`; remote people too, but only those
 *   in `remoteCountries` / `remoteRegions` when either is non-empty ("NYC / remote US");
 * - "remote": people in `remoteCountries` / `remoteRegions`, or anywhere when both are empty; `places`
 *   (offices) also pass;
 * - "any": the job states no place, so location is no constraint.
 */
export const LocationPolicy = z.object({
  mode: z.enum(["onsite", "hybrid", "remote", "any"]),
  places: z.array(
    z.object({ name: z.string(), country: z.string().nullable(), lat: z.number(), lon: z.number(), radiusKm: z.number().positive() }),
  ),
  remoteCountries: z.array(z.string()), // ISO 3166-1 alpha-2
  remoteRegions: z.array(z.string()), // areas as named: "Europe", "EMEA", "California"
});
export type LocationPolicy = z.infer<typeof LocationPolicy>;

/** Which ICP agent produced an ICP: the embedded rules, or the LLM provider (LLM_PROVIDER) that answered. */
export const ICP_SOURCES = ["rules", "openai", "anthropic", "workers-ai"] as const;
export type IcpSource = (typeof ICP_SOURCES)[number];

/** The Ideal Candidate Profile the ICP agent derives from a job. */
export const Icp = z.object({
  source: z.enum(ICP_SOURCES).default("rules"),
  titles: z.array(z.string()), // the job title first, then synonyms (lower case)
  occupation: z.object({ id: z.string(), name: z.string() }).nullable().default(null), // what the job is, when known
  seniority: z.enum(SENIORITY_SCALE),
  // Defaults let an ICP written before these fields existed (a queue message in flight across a deploy)
  // still parse: the whole scale and no location constraint are what such a run was asking.
  seniorityRange: z.object({ min: z.enum(SENIORITY_SCALE), max: z.enum(SENIORITY_SCALE) }).default({ min: "intern", max: "executive" }),
  minYearsExperience: z.number().int().min(0),
  mustHaveSkills: z.array(z.string()), // canonical lexicon names
  // Groups of must-haves of which any one will do ("Go or Node.js"); each member is also in mustHaveSkills.
  mustHaveAlternatives: z.array(z.array(z.string())).default([]),
  niceToHaveSkills: z.array(z.string()), // stated nice-to-haves plus related skills
  locations: z.array(z.string()), // variants, "remote" when remote is acceptable
  locationPolicy: LocationPolicy.default({ mode: "any", places: [], remoteCountries: [], remoteRegions: [] }),
  negativeKeywords: z.array(z.string()),
  // Occupations the posting rules out by name ("legal secretaries … will not be considered"): a gate.
  excludedOccupations: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
});
export type Icp = z.infer<typeof Icp>;

export const ScoreBreakdown = z.object({
  skills: z.number().int().min(0).max(100),
  title: z.number().int().min(0).max(100),
  seniority: z.number().int().min(0).max(100),
  experience: z.number().int().min(0).max(100),
  location: z.number().int().min(0).max(100),
});
export type ScoreBreakdown = z.infer<typeof ScoreBreakdown>;

/** A scored, explained candidate exactly as the contract's results return it. */
export type Candidate = {
  profileId: string;
  name: string;
  linkedinUrl: string | null;
  matchScore: number; // integer 0–100
  rationale: string;
  skills: string[];
  headline: string | null;
  location: string | null;
  currentCompany: string | null;
  currentRole: string | null;
  aiFitPoints: string[]; // each cites the profile text it rests on
  aiRedFlags: string[]; // each cites the profile text it rests on
  aiDetailedRationale: { title: string; company: string; duration: string; relevanceExplanation: string }[];
  detailedExperience: { role: string; company: string; duration: string; highlights: string[] }[];
  emails: string[];
  scoreBreakdown: ScoreBreakdown;
};
