// Deterministic generator of a realistic demo talent pool (Scoutflare `POST /candidates/import` shape).
//
//   import { generateDemoPool } from "./demo-pool.mjs";
//   const profiles = generateDemoPool({ count: 5000, seed: 42 });
//
//   node scripts/demo-pool.mjs --count 5000 --seed 42 > pool.ndjson
//
// Every profile is generated from its own seed ([seed, index]), so profile n is the same whatever
// `count` is, and repeated calls return identical output. Plain ESM: runs on Node 20 and in workerd.
import { Faker, base, en, en_US, en_GB, en_CA, en_AU, en_IE, en_IN, de, fr, fr_CA, es, es_MX, nl, pl, pt_BR } from "@faker-js/faker";
import data from "./demo-professions.json" with { type: "json" };

/** Month index (year * 12 + month - 1) that no date in the pool goes past: 2026-10. */
const AS_OF = 2026 * 12 + 9;

const LEVELS = ["junior", "mid", "senior", "lead", "principal", "executive"];
const LEVEL_WEIGHTS = [20, 27, 25, 13, 7, 8];
/** Years of experience per level: [min, max]. */
const LEVEL_YEARS = [[0, 2], [2, 5], [5, 10], [8, 14], [11, 20], [13, 26]];
/** Years of experience at which a career reaches each level (used for earlier roles). */
const LEVEL_THRESHOLDS = [0, 2, 5, 9, 13, 17];
const LEVEL_ADJECTIVE = ["Early-career", "Experienced", "Senior", "Seasoned", "Senior", "Executive-level"];

const LOCALES = { en_US, en_GB, en_CA, en_AU, en_IE, en_IN, de, fr, fr_CA, es, es_MX, nl, pl, pt_BR };

/** Countries, their share of the pool, the name locales their people draw from, and cities. */
const COUNTRIES = [
  {
    country: "United States", weight: 50, us: true,
    names: [["en_US", 74], ["es_MX", 10], ["en_IN", 7], ["de", 3], ["fr", 2], ["pl", 2], ["pt_BR", 2]],
    cities: ["New York, NY", "San Francisco, CA", "Austin, TX", "Seattle, WA", "Chicago, IL", "Boston, MA", "Denver, CO", "Atlanta, GA", "Los Angeles, CA", "San Diego, CA", "Dallas, TX", "Houston, TX", "Phoenix, AZ", "Minneapolis, MN", "Philadelphia, PA", "Raleigh, NC", "Charlotte, NC", "Nashville, TN", "Portland, OR", "Salt Lake City, UT", "Miami, FL", "Columbus, OH", "Pittsburgh, PA", "Washington, DC", "Detroit, MI", "Kansas City, MO", "St. Louis, MO", "Baltimore, MD", "Tampa, FL", "Orlando, FL", "Sacramento, CA", "San Jose, CA", "Oakland, CA", "Palo Alto, CA", "Mountain View, CA", "Sunnyvale, CA", "Berkeley, CA"],
  },
  { country: "United Kingdom", weight: 9, names: [["en_GB", 85], ["en_IN", 8], ["pl", 7]], cities: ["London", "Manchester", "Edinburgh", "Bristol", "Birmingham", "Leeds", "Glasgow", "Cambridge"] },
  { country: "Canada", weight: 7, names: [["en_CA", 80], ["en_IN", 10], ["fr_CA", 10]], cities: ["Toronto", "Vancouver", "Montreal", "Calgary", "Ottawa", "Waterloo"] },
  { country: "Germany", weight: 6, names: [["de", 90], ["pl", 5], ["en_GB", 5]], cities: ["Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart"] },
  { country: "India", weight: 6, names: [["en_IN", 100]], cities: ["Bengaluru", "Hyderabad", "Pune", "Mumbai", "Chennai", "New Delhi", "Gurugram"] },
  { country: "Australia", weight: 4, names: [["en_AU", 85], ["en_IN", 8], ["en_GB", 7]], cities: ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"] },
  { country: "Netherlands", weight: 3, names: [["nl", 85], ["de", 8], ["en_GB", 7]], cities: ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "The Hague"] },
  { country: "France", weight: 3, names: [["fr", 100]], cities: ["Paris", "Lyon", "Toulouse", "Lille", "Nantes", "Bordeaux"] },
  { country: "Spain", weight: 3, names: [["es", 100]], cities: ["Madrid", "Barcelona", "Valencia", "Seville", "Málaga"] },
  { country: "Ireland", weight: 2, names: [["en_IE", 90], ["pl", 10]], cities: ["Dublin", "Cork", "Galway", "Limerick"] },
  { country: "Mexico", weight: 2, names: [["es_MX", 100]], cities: ["Mexico City", "Guadalajara", "Monterrey", "Querétaro"] },
  { country: "Poland", weight: 2, names: [["pl", 100]], cities: ["Warsaw", "Kraków", "Wrocław", "Gdańsk", "Poznań"] },
  { country: "Brazil", weight: 3, names: [["pt_BR", 100]], cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre"] },
];

const SCHOOL_PATTERNS = ["University of {city}", "{city} Institute of Technology", "{last} University", "{city} Metropolitan University", "{last} College", "{city} Polytechnic"];
const US_SCHOOL_PATTERNS = ["{state} State University", "University of {state}", "{last} College", "{city} Institute of Technology", "{last} University"];
const SHORT_DEGREES = new Set(["AA", "ADN", "Certificate", "High School Diploma"]);
const US_STATES = { AZ: "Arizona", CA: "California", CO: "Colorado", DC: "Columbia", FL: "Florida", GA: "Georgia", IL: "Illinois", MA: "Massachusetts", MD: "Maryland", MI: "Michigan", MN: "Minnesota", MO: "Missouri", NC: "North Carolina", NY: "New York", OH: "Ohio", OR: "Oregon", PA: "Pennsylvania", TN: "Tennessee", TX: "Texas", UT: "Utah", WA: "Washington" };
const EMAIL_DOMAINS = ["example.com", "example.org", "example.net"];
const HEADLINE_PATTERNS = [
  "{title} at {company}",
  "{title} at {company} | {s1} · {s2} · {s3}",
  "{title} | {s1}, {s2} & {s3}",
  "{title} · {s1} · {s2}",
  "{title} — {focus}",
];

const PROFESSIONS = data.professions;
const BY_ID = new Map(PROFESSIONS.map((p) => [p.id, p]));

// ---------------------------------------------------------------- helpers

let fakers; // lazily built: { main: Faker, names: Record<locale, Faker> }
function getFakers() {
  if (!fakers) {
    const names = {};
    for (const [key, def] of Object.entries(LOCALES)) names[key] = new Faker({ locale: [def, en, base] });
    fakers = { main: new Faker({ locale: [en_US, en, base] }), names };
  }
  return fakers;
}

const pad2 = (n) => String(n).padStart(2, "0");
const ym = (m) => `${Math.floor(m / 12)}-${pad2((m % 12) + 1)}`;
const sentence = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** ASCII slug of a name ("José Łukasz-Müller" → "jose-lukasz-muller"). */
function slugify(s) {
  const ascii = s
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

function weighted(f, pairs) {
  return f.helpers.weightedArrayElement(pairs.map(([value, weight]) => ({ value, weight })));
}

function pickDistinct(f, list, n, exclude = new Set()) {
  const pool = list.filter((x) => !exclude.has(x));
  return f.helpers.arrayElements(pool, Math.min(n, pool.length));
}

/** 12000 → "12,000" (no Intl, so Node and workerd print the same). */
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function fmtMoney(f) {
  const v = f.helpers.weightedArrayElement([
    { value: () => `$${f.number.int({ min: 120, max: 950 })}K`, weight: 4 },
    { value: () => `$${f.number.float({ min: 1, max: 9.9, fractionDigits: 1 })}M`, weight: 5 },
    { value: () => `$${f.number.int({ min: 10, max: 60 })}M`, weight: 1 },
  ]);
  return v();
}

function fmtBig(f) {
  const v = f.helpers.weightedArrayElement([
    { value: () => f.number.int({ min: 2, max: 95 }) * 1000, weight: 5 },
    { value: () => f.number.int({ min: 10, max: 95 }) * 10000, weight: 3 },
  ]);
  const n = v();
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} million` : thousands(n);
}

// ---------------------------------------------------------------- building blocks

function makeCompany(f, ctx, sector) {
  const pattern = f.helpers.arrayElement(data.companyPatterns[sector]);
  const words = f.helpers.arrayElements(data.companyWords, 2);
  const lasts = [ctx.lastNames(), ctx.lastNames(), ctx.lastNames()];
  const filled = pattern
    .replace("{word}", words[0])
    .replace("{word2}", words[1])
    .replace("{last}", lasts[0])
    .replace("{last2}", lasts[1])
    .replace("{last3}", lasts[2])
    .replace("{city}", f.helpers.arrayElement(ctx.countryInfo.cities).split(",")[0])
    .replace("{saint}", f.helpers.arrayElement(data.saints))
    .replace("{company}", () => f.company.name());
  return filled.length > 120 ? filled.slice(0, 120) : filled;
}

function fillTemplate(f, template, vars) {
  const count = f.number.int({ min: 3, max: 40 });
  const values = {
    n: () => String(f.number.int({ min: 10, max: 65 })),
    pct: () => String(f.number.int({ min: 91, max: 99 })),
    pct2: () => String(f.number.int({ min: 72, max: 90 })),
    share: () => String(f.number.int({ min: 35, max: 85 })),
    quota: () => String(f.number.int({ min: 104, max: 165 })),
    count: () => String(count),
    count2: () => String(count + f.number.int({ min: 5, max: 60 })),
    small: () => String(f.number.int({ min: 2, max: 6 })),
    small2: () => String(f.number.int({ min: 7, max: 14 })),
    days: () => String(f.number.int({ min: 180, max: 900 })),
    staff: () => thousands(f.number.int({ min: 150, max: 9000 })),
    students: () => String(f.number.int({ min: 60, max: 180 })),
    ms: () => String(f.number.int({ min: 300, max: 1500 })),
    ms2: () => String(f.number.int({ min: 40, max: 250 })),
    x: () => String(f.number.int({ min: 2, max: 12 })),
    nines: () => f.helpers.arrayElement(["99.9%", "99.95%", "99.99%"]),
    money: () => fmtMoney(f),
    big: () => fmtBig(f),
    ...vars,
  };
  return template
    .replace(/\{(\w+)\}/g, (whole, key) => {
      const v = values[key];
      return v === undefined ? whole : typeof v === "function" ? v() : v;
    })
    .replace(/\.\.$/, "."); // "… at Acme Inc.."
}

function buildSkills(f, prof, levelIdx) {
  const total = f.number.int({ min: 5, max: 12 });
  const neighbourCount = f.helpers.weightedArrayElement([{ value: 0, weight: 4 }, { value: 1, weight: 4 }, { value: 2, weight: 2 }]);
  const own = total - neighbourCount;
  const coreCount = Math.min(prof.coreSkills.length, Math.max(3, Math.round(own * f.number.float({ min: 0.55, max: 0.8 }))));
  const skills = pickDistinct(f, prof.coreSkills, coreCount);
  const seen = new Set(skills);
  for (const s of pickDistinct(f, prof.optionalSkills, own - skills.length, seen)) { skills.push(s); seen.add(s); }
  if (neighbourCount > 0) {
    const neighbours = prof.neighbors.map((id) => BY_ID.get(id));
    for (let k = 0; k < neighbourCount; k++) {
      const nb = f.helpers.arrayElement(neighbours);
      const [s] = pickDistinct(f, [...nb.coreSkills, ...nb.optionalSkills], 1, seen);
      if (s) { skills.push(s); seen.add(s); }
    }
  }
  // Senior people list leadership more often.
  if (levelIdx >= 3 && skills.length < 12 && f.datatype.boolean(0.4)) {
    const lead = f.helpers.arrayElement(["Team Leadership", "Mentoring", "Strategic Planning", "Cross-Functional Leadership"]);
    if (!seen.has(lead)) skills.push(lead);
  }
  return skills;
}

/** Splits a career of `months` into `k` roles, oldest first: [{ start, end }] (end undefined = current). */
function buildTimeline(f, careerStart, k) {
  const span = AS_OF - careerStart;
  const weights = Array.from({ length: k }, () => f.number.float({ min: 0.6, max: 1.6 }));
  // The current role tends to be shorter (people move on).
  weights[k - 1] *= f.number.float({ min: 0.35, max: 1 });
  const sum = weights.reduce((a, b) => a + b, 0);
  const roles = [];
  let cursor = careerStart;
  for (let j = 0; j < k; j++) {
    const len = j === k - 1 ? AS_OF - cursor : Math.max(4, Math.floor((span * weights[j]) / sum));
    const start = cursor;
    let end = j === k - 1 ? undefined : Math.min(start + len, AS_OF - 2 * (k - 1 - j));
    if (end !== undefined && end <= start) end = start + 1;
    roles.push({ start, end });
    if (end !== undefined) {
      const gap = f.datatype.boolean(0.25) ? f.number.int({ min: 1, max: 3 }) : 0;
      cursor = Math.min(end + gap, AS_OF - (k - 1 - j)); // new job starts the month the last ends, or after a short gap
    }
  }
  return roles;
}

function levelAtYears(years) {
  let idx = 0;
  for (let l = 0; l < LEVEL_THRESHOLDS.length; l++) if (years >= LEVEL_THRESHOLDS[l]) idx = l;
  return idx;
}

function titleFor(f, prof, levelIdx) {
  return f.helpers.arrayElement(prof.titles[LEVELS[levelIdx]]);
}

function buildResumeText(p, fullName) {
  const lines = [fullName.toUpperCase(), [p.headline, p.location].filter(Boolean).join(" | ")];
  if (p.emails?.length) lines.push(p.emails[0]);
  lines.push("", "SUMMARY", p.summary, "", "EXPERIENCE");
  for (const e of p.experience) {
    lines.push(`${e.title}, ${e.company} (${e.startDate} – ${e.endDate ?? "Present"})`);
    if (e.description) for (const s of e.description.split(/(?<=\.)\s+/)) lines.push(`- ${s}`);
  }
  lines.push("", "EDUCATION");
  for (const ed of p.education) lines.push(`${[ed.degree, ed.field].filter(Boolean).join(", ")} — ${ed.school}${ed.endYear ? ` (${ed.endYear})` : ""}`);
  lines.push("", "SKILLS", p.skills.join(", "));
  return lines.join("\n");
}

// ---------------------------------------------------------------- one profile

/** Professions in a seeded order per block of `PROFESSIONS.length`, so each gets count/P ± 1 people. */
function professionFor(f, seed, index) {
  const P = PROFESSIONS.length;
  const block = Math.floor(index / P);
  f.seed([seed, block, 0x5eed]);
  const order = f.helpers.shuffle(PROFESSIONS.map((_, i) => i));
  return PROFESSIONS[order[index % P]];
}

function generateProfile(seed, index) {
  const { main: f, names } = getFakers();
  const prof = professionFor(f, seed, index);
  f.seed([seed, index]);
  const n = index + 1;

  // Who and where.
  const levelIdx = weighted(f, LEVELS.map((_, i) => [i, LEVEL_WEIGHTS[i]]));
  const [minY, maxY] = LEVEL_YEARS[levelIdx];
  const years = f.number.int({ min: minY, max: maxY });
  const countryInfo = weighted(f, COUNTRIES.map((c) => [c, c.weight]));
  const city = f.helpers.arrayElement(countryInfo.cities);
  const remote = f.datatype.boolean(0.15);
  const location = remote ? "Remote" : countryInfo.us ? city : `${city}, ${countryInfo.country}`;
  const localeKey = weighted(f, countryInfo.names);
  const nf = names[localeKey];
  nf.seed([seed, index, 1]);
  const sex = f.helpers.arrayElement(["female", "male"]);
  const firstName = nf.person.firstName(sex);
  const lastName = nf.person.lastName(sex);
  const fullName = `${firstName} ${lastName}`;
  const ctx = { countryInfo, lastNames: () => nf.person.lastName() };

  // Career.
  const careerStart = AS_OF - (years === 0 ? f.number.int({ min: 1, max: 11 }) : years * 12 + f.number.int({ min: 0, max: 11 }));
  const maxRoles = [2, 3, 4, 5, 5, 5][levelIdx];
  const minRoles = levelIdx >= 3 ? 2 : 1;
  const spanMonths = AS_OF - careerStart;
  const k = Math.max(1, Math.min(f.number.int({ min: minRoles, max: maxRoles }), Math.floor(spanMonths / 8) || 1));
  const timeline = buildTimeline(f, careerStart, k);

  const skills = buildSkills(f, prof, levelIdx);
  // Achievement sentences name tools ("in {tool}") and practices ("applied {skill}") the person lists,
  // falling back to the profession's own when they list none.
  const mine = (list) => { const own = list.filter((s) => skills.includes(s)); return own.length ? own : list; };
  const myTools = mine(prof.templateTools);
  const myPractices = mine(prof.templatePractices);
  const two = (list, all) => {
    if (list.length >= 2) return f.helpers.arrayElements(list, 2);
    const rest = all.filter((s) => s !== list[0]);
    return [list[0], rest.length ? f.helpers.arrayElement(rest) : list[0]];
  };
  const fixedSkill = (key) => () => f.helpers.arrayElement(mine(data.fixedTemplateSkills[key]));
  const sector = () => f.helpers.arrayElement(prof.sectors);
  const templates = f.helpers.shuffle([...prof.achievements]);
  let nextTemplate = 0;

  const rolesOldestFirst = [];
  let prevLevel = 0;
  for (let j = 0; j < timeline.length; j++) {
    const { start, end } = timeline[j];
    const isCurrent = j === timeline.length - 1;
    const yearsIn = (start - careerStart) / 12;
    let lvl = isCurrent ? levelIdx : Math.min(levelIdx, levelAtYears(yearsIn));
    lvl = Math.max(lvl, prevLevel);
    prevLevel = lvl;
    const prev = rolesOldestFirst[j - 1];
    const promoted = prev && prev.level < lvl && f.datatype.boolean(0.25);
    const company = promoted ? prev.company : makeCompany(f, ctx, sector());
    const sentences = isCurrent ? weighted(f, [[1, 3], [2, 5], [3, 1]]) : weighted(f, [[1, 7], [2, 3]]);
    const desc = [];
    for (let s = 0; s < sentences; s++) {
      const useLead = lvl >= 3 && s === sentences - 1 && f.datatype.boolean(0.35);
      const template = useLead ? f.helpers.arrayElement(data.leadAchievements) : templates[nextTemplate++ % templates.length];
      const [t1, t2] = two(myTools, prof.templateTools);
      const [p1, p2] = two(myPractices, prof.templatePractices);
      desc.push(fillTemplate(f, template, {
        tool: t1, tool2: t2, skill: p1, skill2: p2,
        test: fixedSkill("test"), mlops: fixedSkill("mlops"), siem: fixedSkill("siem"), fea: fixedSkill("fea"),
        product: f.helpers.arrayElement(prof.products),
        year: String(Math.min(2026, Math.floor(start / 12) + 1)),
      }));
    }
    rolesOldestFirst.push({ level: lvl, title: titleFor(f, prof, lvl), company, start, end, description: [...new Set(desc)].join(" ") });
  }
  const current = rolesOldestFirst[rolesOldestFirst.length - 1];
  const experience = rolesOldestFirst
    .slice()
    .reverse()
    .map((r) => ({
      title: r.title,
      company: r.company,
      startDate: ym(r.start),
      ...(r.end !== undefined ? { endDate: ym(r.end) } : {}),
      description: r.description,
    }));

  // Education: a first degree finishing around the career start, sometimes a second one.
  const firstDegree = f.helpers.arrayElement(prof.education);
  const gradYear = Math.min(2026, Math.floor(careerStart / 12) - (f.datatype.boolean(0.3) ? 1 : 0));
  const school = () => {
    const usState = countryInfo.us ? US_STATES[city.split(", ")[1]] : undefined;
    const patterns = usState ? US_SCHOOL_PATTERNS : SCHOOL_PATTERNS;
    return f.helpers
      .arrayElement(patterns)
      .replace("{city}", f.helpers.arrayElement(countryInfo.cities).split(",")[0])
      .replace("{state}", usState ?? "")
      .replace("{last}", nf.person.lastName());
  };
  const education = [];
  const advancedChance = [0.08, 0.18, 0.28, 0.38, 0.45, 0.5][levelIdx];
  if (prof.advancedEducation?.length && years >= 2 && f.datatype.boolean(advancedChance)) {
    const adv = f.helpers.arrayElement(prof.advancedEducation);
    const advYear = Math.min(2026, gradYear + f.number.int({ min: 2, max: Math.max(2, Math.min(years, 8)) }));
    education.push({ school: school(), degree: adv.degree, field: adv.field, endYear: advYear });
  }
  const first = { school: SHORT_DEGREES.has(firstDegree.degree) && countryInfo.us ? `${city.split(",")[0]} Community College` : school(), degree: firstDegree.degree, field: firstDegree.field };
  if (f.datatype.boolean(0.92)) first.endYear = gradYear;
  education.push(first);

  // Text.
  const topSkills = skills.slice(0, 3);
  const skillsPhrase = `${topSkills.slice(0, -1).join(", ")} and ${topSkills[topSkills.length - 1]}`;
  const yearsText = years <= 1 ? "1 year" : `${years} years`;
  const opener = fillTemplate(f, f.helpers.arrayElement(data.summaryOpeners), {
    level: LEVEL_ADJECTIVE[levelIdx], noun: prof.noun, years: yearsText, yearsAdj: `${[8, 11, 18].includes(years) ? "an" : "a"} ${Math.max(1, years)}-year`, skills: skillsPhrase,
  });
  const parts = [sentence(opener), f.helpers.arrayElement(prof.focus)];
  if (f.datatype.boolean(0.6)) {
    parts.push(fillTemplate(f, f.helpers.arrayElement(data.summaryClosers), {
      title: current.title, company: current.company, skill: f.helpers.arrayElement(skills),
    }));
  }
  const summary = parts.join(" ");
  const [hs1, hs2, hs3] = f.helpers.shuffle(skills.slice(0, 6));
  const headline = fillTemplate(f, f.helpers.arrayElement(HEADLINE_PATTERNS), {
    title: current.title, company: current.company, s1: hs1, s2: hs2, s3: hs3,
    focus: f.helpers.arrayElement(prof.focus).replace(/\.$/, ""),
  });

  // Contact: local parts are letters and dots, then the profile number, so they never collide.
  const fs = slugify(firstName).replace(/-/g, "") || "member";
  const ls = slugify(lastName).replace(/-/g, "") || "demo";
  const localParts = [`${fs}.${ls}`, `${fs}${ls}`, `${fs[0]}${ls}`, `${fs}.${ls[0]}`, `${ls}.${fs}`];
  const [lp1, lp2] = f.helpers.arrayElements(localParts, 2);
  const emails = [`${lp1}${n}@${f.helpers.arrayElement(EMAIL_DOMAINS)}`];
  if (f.datatype.boolean(0.3)) emails.push(`${lp2}${n}@${f.helpers.arrayElement(EMAIL_DOMAINS)}`);
  const linkedinUrl = `https://www.linkedin.com/in/${slugify(fullName) || "member"}-${n}`;

  /** @type {Record<string, unknown>} */
  const profile = {
    externalId: `demo-${n}`,
    fullName,
    headline,
    summary,
    location,
    country: countryInfo.country,
    currentTitle: current.title,
    currentCompany: current.company,
    skills,
    experience,
    education,
    emails,
    linkedinUrl,
  };
  if (f.datatype.boolean(0.1)) profile.resumeText = buildResumeText(profile, fullName);
  return profile;
}

// ---------------------------------------------------------------- API

/**
 * A deterministic demo talent pool: `count` profiles valid under `ProfileInput`.
 * Same `{ count, seed }` → identical output; profile n depends only on (seed, n).
 */
export function generateDemoPool({ count = 5000, seed = 42 } = {}) {
  if (!Number.isInteger(count) || count < 0) throw new RangeError("count must be a non-negative integer");
  if (!Number.isInteger(seed)) throw new RangeError("seed must be an integer");
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = generateProfile(seed, i);
  return out;
}

/** The professions the pool is drawn from (id, name, field). */
export const DEMO_PROFESSIONS = PROFESSIONS.map((p) => ({ id: p.id, name: p.name, field: p.field }));

// ---------------------------------------------------------------- CLI

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.startsWith("--") ? a.slice(2).split("=", 2) : [undefined, undefined];
    if (key !== "count" && key !== "seed") throw new Error(`unknown argument: ${a}\nusage: node scripts/demo-pool.mjs [--count 5000] [--seed 42]`);
    const raw = inline ?? argv[++i];
    const v = Number(raw);
    if (!Number.isInteger(v)) throw new Error(`--${key} needs an integer, got ${raw}`);
    opts[key] = v;
  }
  return opts;
}

async function main() {
  const { process } = globalThis;
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stdout.on("error", (err) => process.exit(err.code === "EPIPE" ? 0 : 1)); // e.g. `| head`
  const pool = generateDemoPool(opts);
  const chunk = 500;
  for (let i = 0; i < pool.length; i += chunk) {
    const text = pool.slice(i, i + chunk).map((p) => JSON.stringify(p)).join("\n") + "\n";
    if (!process.stdout.write(text)) await new Promise((r) => process.stdout.once("drain", r));
  }
}

const isCli = (() => {
  const proc = globalThis.process;
  if (!proc?.argv?.[1] || !import.meta.url.startsWith("file:")) return false;
  try {
    const argvUrl = new URL(`file://${proc.argv[1].startsWith("/") ? "" : "/"}${proc.argv[1].replace(/\\/g, "/")}`).href;
    return decodeURI(argvUrl) === decodeURI(import.meta.url);
  } catch {
    return false;
  }
})();
if (isCli) await main();
