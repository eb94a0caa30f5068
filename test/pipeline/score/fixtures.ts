/** ICPs, places and profiles shared by the scorer tests; real occupation ids, lexicon names and coordinates. */
import { deriveProfileFacts, type ProfileFacts } from "../../../src/pipeline/facts/profile-facts";
import { classifyTitle, occupationById } from "../../../src/pipeline/occupations";
import { scoreCandidate } from "../../../src/pipeline/score/score-candidate";
import { canonicalSkill } from "../../../src/pipeline/skills/lexicon";
import type { Candidate, Icp, LocationPolicy, TalentProfile } from "../../../src/pipeline/types";

export const NOW = new Date("2024-06-15T12:00:00Z");

/** ICP skills are canonical lexicon names; failing here means the lexicon renamed a skill these tests rely on. */
export function canon(...raw: string[]): string[] {
  return raw.map((r) => {
    const name = canonicalSkill(r);
    if (name === null) throw new Error(`lexicon does not know ${r}`);
    return name;
  });
}

/**
 * The ICP occupation a job title classifies to, as derive-icp would set it; failing here means the
 * occupation model reads the title differently than these tests assume.
 */
export function occupationOf(title: string, expectedId: string): Icp["occupation"] {
  const id = classifyTitle(title).occupationId;
  if (id !== expectedId) throw new Error(`"${title}" classifies as ${id}, not ${expectedId}`);
  const occupation = occupationById(id);
  if (!occupation) throw new Error(`no occupation ${id}`);
  return { id: occupation.id, name: occupation.name };
}

type Place = LocationPolicy["places"][number];
// Coordinates as the gazetteer gives them (parsePlace); radii are resolve-location-policy's defaults.
export const SAN_FRANCISCO: Place = { name: "San Francisco", country: "US", lat: 37.77, lon: -122.42, radiusKm: 75 };
export const BERLIN: Place = { name: "Berlin", country: "DE", lat: 52.52, lon: 13.41, radiusKm: 100 };
export const BOSTON: Place = { name: "Boston", country: "US", lat: 42.36, lon: -71.06, radiusKm: 75 };
export const PARIS_FR: Place = { name: "Paris", country: "FR", lat: 48.85, lon: 2.35, radiusKm: 75 };

export const onsite = (...places: Place[]): LocationPolicy => ({ mode: "onsite", places, remoteCountries: [], remoteRegions: [] });
export const remoteWithin = (regions: string[], countries: string[] = []): LocationPolicy => ({
  mode: "remote", places: [], remoteCountries: countries, remoteRegions: regions,
});
export const remoteAnywhere: LocationPolicy = { mode: "remote", places: [], remoteCountries: [], remoteRegions: [] };
export const anyLocation: LocationPolicy = { mode: "any", places: [], remoteCountries: [], remoteRegions: [] };

export const backendIcp: Icp = {
  source: "rules",
  titles: ["backend engineer", "backend developer", "server-side engineer"],
  occupation: occupationOf("Backend Engineer", "backend-engineer"),
  seniority: "senior",
  seniorityRange: { min: "senior", max: "lead" },
  minYearsExperience: 5,
  mustHaveSkills: canon("Node.js", "TypeScript", "PostgreSQL", "Kubernetes"),
  mustHaveAlternatives: [],
  niceToHaveSkills: canon("Redis", "AWS", "Docker"),
  locations: ["berlin", "germany", "de"],
  locationPolicy: onsite(BERLIN),
  negativeKeywords: ["intern", "recruiter"],
  excludedOccupations: [],
};

export const nursingIcp: Icp = {
  source: "rules",
  titles: ["icu nurse", "registered nurse", "critical care nurse"],
  occupation: occupationOf("ICU Nurse", "icu-nurse"),
  seniority: "mid",
  seniorityRange: { min: "junior", max: "senior" },
  minYearsExperience: 3,
  mustHaveSkills: canon("nursing", "critical care", "ACLS"),
  mustHaveAlternatives: [],
  niceToHaveSkills: canon("BLS", "ventilator management", "EHR"),
  locations: ["boston", "massachusetts", "ma"],
  locationPolicy: onsite(BOSTON),
  negativeKeywords: ["student"],
  excludedOccupations: [],
};

const base = { companyId: "co_1" };

export const strongBackend: TalentProfile = {
  ...base,
  profileId: "prof_strong",
  fullName: "Ada Strong",
  headline: "Senior Backend Engineer building payment platforms",
  location: "Berlin, Germany",
  currentTitle: "Senior Backend Engineer",
  currentCompany: "Stripe",
  skills: ["Node.js", "TypeScript", "PostgreSQL", "Kubernetes", "Redis", "AWS"],
  experience: [
    {
      title: "Senior Backend Engineer",
      company: "Stripe",
      startDate: "2019-03",
      description: "Led the migration of the payments API to Kubernetes. Built Node.js services in TypeScript.",
    },
    {
      title: "Backend Engineer",
      company: "Zalando",
      startDate: "2015-01",
      endDate: "2019-02",
      description: "Designed PostgreSQL schemas for the catalogue. Ran Redis caches.",
    },
  ],
  emails: ["ada@example.com"],
  linkedinUrl: "https://www.linkedin.com/in/ada",
};

export const midBackend: TalentProfile = {
  ...base,
  profileId: "prof_mid",
  fullName: "Ben Middle",
  headline: "Backend developer",
  location: "Potsdam, Germany",
  currentTitle: "Backend Developer",
  skills: ["NodeJS", "TypeScript"],
  experience: [
    { title: "Backend Developer", company: "Check24", startDate: "2020-09", description: "Wrote REST services on Postgres." },
  ],
};

export const weakFrontend: TalentProfile = {
  ...base,
  profileId: "prof_weak",
  fullName: "Cleo Weak",
  headline: "Frontend Intern at Acme",
  location: "Paris, France",
  currentTitle: "Frontend Intern",
  skills: ["React", "CSS"],
  experience: [{ title: "Frontend Intern", company: "Acme", startDate: "2023-09", description: "Built React pages." }],
};

export const icuNurse: TalentProfile = {
  ...base,
  profileId: "prof_nurse",
  fullName: "Dana Care",
  headline: "ICU Registered Nurse, ACLS and BLS certified",
  location: "Boston, MA",
  country: "United States",
  currentTitle: "ICU Nurse",
  currentCompany: "Massachusetts General Hospital",
  skills: ["Critical Care", "ACLS", "BLS", "Epic"],
  experience: [
    {
      title: "ICU Nurse",
      company: "Massachusetts General Hospital",
      startDate: "2019-05",
      description: "Cared for ventilated patients in a 20-bed medical ICU. Charted in Epic EHR.",
    },
    {
      title: "Nursing Student",
      company: "Boston College",
      startDate: "2015-09",
      endDate: "2019-05",
      description: "Clinical rotations in med-surg.",
    },
  ],
};

export const studentNurse: TalentProfile = {
  ...base,
  profileId: "prof_student",
  fullName: "Eli Green",
  headline: "Nursing student looking for a first role",
  location: "Worcester, MA",
  skills: ["BLS"],
  experience: [{ title: "Nursing Student", company: "UMass", startDate: "2022-09", description: "Clinical rotations." }],
};

/** A profile with only the fields a test sets (plus identity). */
export const profile = (fields: Partial<TalentProfile> = {}): TalentProfile => ({ ...base, profileId: "prof_t", fullName: "Test Person", ...fields });

/** Facts as import derives them: the one way these tests obtain them. */
export const factsOf = (p: TalentProfile): ProfileFacts => deriveProfileFacts(p);

export const score = (icp: Icp, p: TalentProfile, now = NOW): Candidate => scoreCandidate(icp, p, deriveProfileFacts(p), now);
