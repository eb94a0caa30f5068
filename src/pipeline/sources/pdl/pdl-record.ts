// A People Data Labs person record (docs: Person Schema, Example Person Record) read into the talent
// pool's profile shape, so a bought person gets the same facts, gates and score as an imported one.
// Pure: no I/O. PDL sends `null` for every field it has no data for, and on plans without contact
// fields it sends `true`/`false` in place of emails; both are read as "nothing to keep".
import { z } from "zod";
import { ProfileInput } from "../../types";

const text = z.string().nullish().catch(null);
const texts = z.array(z.string()).nullish().catch(null);

const PdlExperience = z.object({
  company: z.object({ name: text }).nullish().catch(null),
  title: z.object({ name: text, levels: texts }).nullish().catch(null),
  start_date: text,
  end_date: text,
  is_primary: z.boolean().nullish().catch(null),
  summary: text,
});

const PdlEducation = z.object({
  school: z.object({ name: text }).nullish().catch(null),
  degrees: texts,
  majors: texts,
  end_date: text,
});

/** The fields read; any other field PDL sends is ignored. Only `id` must be there. */
export const PdlPerson = z.object({
  id: z.string().min(1),
  full_name: text,
  headline: text,
  summary: text,
  job_title: text,
  job_company_name: text,
  job_title_levels: texts,
  location_name: text,
  location_locality: text,
  location_region: text,
  location_country: text,
  linkedin_url: text,
  // Contact fields: values on plans that include them, booleans ("we have one") on those that do not.
  emails: z.union([z.array(z.object({ address: text }).catch({ address: null })), z.boolean()]).nullish().catch(null),
  work_email: z.union([z.string(), z.boolean()]).nullish().catch(null),
  personal_emails: z.union([z.array(z.string()), z.boolean()]).nullish().catch(null),
  skills: texts,
  experience: z.array(PdlExperience.nullable().catch(null)).nullish().catch(null),
  education: z.array(PdlEducation.nullable().catch(null)).nullish().catch(null),
});
export type PdlPerson = z.infer<typeof PdlPerson>;

/** A bought person: the vendor's id for them and their profile. */
export type PdlProfile = { ref: string; profile: ProfileInput };

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/; // what the profile's experience dates accept
const EMAIL = z.email();

const clip = (value: string | null | undefined, max: number): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};
const dateOf = (value: string | null | undefined): string | undefined => (value && DATE.test(value.trim()) ? value.trim() : undefined);

/**
 * PDL writes LinkedIn URLs without a scheme ("linkedin.com/in/seanthorne"); the profile shape holds a
 * full URL. Anything that is not a LinkedIn profile path is dropped rather than guessed at.
 */
export function linkedinUrlOf(raw: string | null | undefined): string | undefined {
  const path = raw?.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
  return path && /^linkedin\.com\/in\/[^/\s]+$/.test(path) ? `https://www.${path}` : undefined;
}

/** Every email address the record holds as a value, lower case, each once, at most 10 (the profile's limit). */
export function emailsOf(p: PdlPerson): string[] {
  const all = [
    ...(Array.isArray(p.emails) ? p.emails.map((e) => e.address) : []),
    typeof p.work_email === "string" ? p.work_email : null,
    ...(Array.isArray(p.personal_emails) ? p.personal_emails : []),
  ];
  const valid = all.flatMap((e) => {
    const email = e?.trim().toLowerCase();
    return email && email.length <= 320 && EMAIL.safeParse(email).success ? [email] : [];
  });
  return [...new Set(valid)].slice(0, 10);
}

function experienceOf(p: PdlPerson): NonNullable<ProfileInput["experience"]> {
  return (p.experience ?? []).flatMap((e) => {
    const title = clip(e?.title?.name, 200);
    const company = clip(e?.company?.name, 200);
    if (!e || (!title && !company)) return [];
    // No end date is a current role, as in an import. PDL leaves end_date null on roles it only knows
    // began; those read as current too, which is what the person's record says.
    return [{ title: title ?? "", company: company ?? "", startDate: dateOf(e.start_date), endDate: dateOf(e.end_date), description: clip(e.summary, 5000) }];
  }).slice(0, 50);
}

function educationOf(p: PdlPerson): NonNullable<ProfileInput["education"]> {
  return (p.education ?? []).flatMap((e) => {
    const school = clip(e?.school?.name, 200);
    if (!e || !school) return [];
    const year = Number(dateOf(e.end_date)?.slice(0, 4));
    return [{ school, degree: clip(e.degrees?.[0], 200), field: clip(e.majors?.[0], 200), endYear: Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : undefined }];
  }).slice(0, 20);
}

const skillsOf = (p: PdlPerson): string[] => [...new Set((p.skills ?? []).flatMap((s) => clip(s, 100) ?? []))].slice(0, 200);

/**
 * One record as a profile, or null when it cannot be one (no name, or not a valid profile after
 * clipping). Nothing is invented: a field PDL left empty stays empty.
 */
export function pdlProfileOf(raw: unknown): PdlProfile | null {
  const record = PdlPerson.safeParse(raw);
  if (!record.success) return null;
  const p = record.data;
  const emails = emailsOf(p);
  const profile = ProfileInput.safeParse({
    fullName: clip(p.full_name, 200),
    headline: clip(p.headline, 500),
    summary: clip(p.summary, 10_000),
    location: clip(p.location_name, 200) ?? clip([p.location_locality, p.location_region, p.location_country].filter(Boolean).join(", "), 200),
    country: clip(p.location_country, 100),
    currentTitle: clip(p.job_title, 200),
    currentCompany: clip(p.job_company_name, 200),
    skills: skillsOf(p),
    experience: experienceOf(p),
    education: educationOf(p),
    emails: emails.length ? emails : undefined,
    linkedinUrl: linkedinUrlOf(p.linkedin_url),
  });
  return profile.success ? { ref: p.id, profile: profile.data } : null;
}
