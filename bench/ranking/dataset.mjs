// Deterministic generator of the ranking data set: profiles (import shape of API.md) generated from
// LATENT facts, and grades computed from those facts alone (never from the generated text).
//
//   generateDataset({ seed }) → { postings, profiles, latents, grades }
//   grades[postingId][externalId] = 0..3 for every profile (see README.md for the rubric).
import * as F from "@faker-js/faker";
import { CITIES, COUNTRY_NAMES, REGIONS, REMOTE_FORMS, haversineKm } from "./cities.mjs";
import { COMPANIES, OCCUPATIONS, SKILLS } from "./occupations.mjs";
import { POSTINGS } from "./postings.mjs";

export const NOW = { year: 2026, month: 12 };
const NOW_M = NOW.year * 12 + (NOW.month - 1); // months since year 0
export const RECENT_MONTHS = 36; // a skill is "recent" when a role using it ended within 3 years
const BACKGROUND = 2450;

// ---- randomness ------------------------------------------------------------------------------

function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(1);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p) => rnd() < p;
const pick = (a) => a[Math.floor(rnd() * a.length)];
const shuffle = (a) => { const b = [...a]; for (let i = b.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [b[i], b[j]] = [b[j], b[i]]; } return b; };
const sample = (a, n) => shuffle(a).slice(0, Math.max(0, n));
const uniq = (a) => [...new Set(a)];

// ---- places and licences ---------------------------------------------------------------------

const STATE = { // the state/province a licence belongs to, for the cities where it matters
  sf: "CA", oakland: "CA", berkeley: "CA", sanjose: "CA", paloalto: "CA", sacramento: "CA", la: "CA", sandiego: "CA",
  austin: "TX", houston: "TX", dallas: "TX", paristx: "TX", seattle: "WA", tacoma: "WA", spokane: "WA",
  toronto: "ON", mississauga: "ON", londonon: "ON", ottawa: "ON", nyc: "NY", brooklyn: "NY",
};
// Licences and language a person holds because of where they live and work (held in every role).
function licencesFor(occ, city) {
  const c = CITIES[city]; const st = STATE[city];
  switch (occ) {
    case "registered_nurse": return st === "ON" ? ["cno"] : [];
    case "accountant": return c.country === "FR" ? ["frenchfluent"] : chance(0.08) ? ["frenchfluent"] : [];
    case "pharmacist": return c.country === "GB" ? ["gphc"] : [];
    case "electrician": // a licence of the state they work in; only Washington's counts in Seattle
      if (st === "WA") return ["journeyman"];
      if (c.country === "CA") return ["journeyman_ca"];
      if (c.country !== "US") return [];
      return [{ portlandor: "journeyman_or", denver: "journeyman_co", chicago: "journeyman_il", houston: "journeyman_tx", dallas: "journeyman_tx", austin: "journeyman_tx" }[city] ?? "journeyman_us"];
    case "math_teacher": return st === "TX" ? ["txcert"] : st === "CA" ? ["cacert"] : c.country === "US" ? ["nycert"] : [];
    case "mechanical_engineer": return c.country === "GB" && chance(0.3) ? ["ceng"] : [];
    default: return [];
  }
}
const LICENCE_KEYS = new Set(["cno", "frenchfluent", "gphc", "journeyman", "journeyman_or", "journeyman_co", "journeyman_il", "journeyman_tx", "journeyman_ca", "journeyman_us", "txcert", "cacert", "nycert", "ceng"]);

const LOCALE_OF = {
  US: "fakerEN_US", CA: "fakerEN_CA", GB: "fakerEN_GB", IE: "fakerEN_IE", DE: "fakerDE", FR: "fakerFR", NL: "fakerNL", ES: "fakerES",
  PT: "fakerPT_PT", PL: "fakerPL", SE: "fakerSV", CH: "fakerDE_CH", IT: "fakerIT", AE: "fakerEN", IL: "fakerEN", ZA: "fakerEN_ZA",
  NG: "fakerEN_NG", KE: "fakerEN", IN: "fakerEN_IN", SG: "fakerEN", AU: "fakerEN_AU", BR: "fakerPT_BR", MX: "fakerES_MX",
};
const MIX_LOCALES = ["fakerEN_IN", "fakerES_MX", "fakerPT_BR", "fakerEN_NG", "fakerPL", "fakerEN_US", "fakerIT", "fakerFR"];

// ---- the latent person -----------------------------------------------------------------------

const YEARS = { 1: [0, 2], 2: [2, 5], 3: [5, 9], 4: [8, 14], 5: [12, 22] };
const titleAt = (occ, level) => {
  const t = OCCUPATIONS[occ].titles;
  for (let d = 0; d < 5; d++) { if (t[level - d]) return pick(t[level - d]); if (t[level + d]) return pick(t[level + d]); }
  throw new Error(`no title for ${occ}`);
};
const ym = (m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

/**
 * A career, newest role first. spec:
 *  occ, level, city, remoteOnly, skills (recent skill keys used in the current role),
 *  stale (skill keys used only in a role that ended ≥ 5 years ago), past: { occ, level, skills, endedMonthsAgo }
 *  (an earlier career in another occupation), style ('normal' | 'plain' | 'stuffed'), stuffedExtra (keys).
 */
function makeLatent(spec) {
  const occ = spec.occ;
  const level = spec.level;
  const years = spec.years ?? int(...YEARS[level]);
  const totalMonths = Math.max(4, years * 12 + int(0, 11));
  const roles = [];
  const currentLen = spec.stale?.length ? int(Math.max(RECENT_MONTHS + 6, 40), Math.max(46, Math.min(totalMonths - 12, 70))) : int(8, Math.min(Math.max(9, totalMonths), 52));
  const pastOcc = spec.past;
  let end = null; let start = NOW_M - currentLen;
  const managerPrev = occ === "engineering_manager";
  roles.push({ occ, level, start, end, skills: [...spec.skills] });
  let remaining = totalMonths - currentLen;
  let lvl = level;
  while (remaining > 6 && roles.length < 5) {
    const len = Math.min(remaining, int(14, 48));
    end = start; start = end - len; remaining -= len;
    lvl = Math.max(1, lvl - (chance(0.6) ? 1 : 0));
    const rOcc = managerPrev && roles.length >= 1 ? (lvl >= 3 && roles.length === 1 ? "engineering_manager" : "backend_engineer") : occ;
    const pool = OCCUPATIONS[rOcc].stacks[0];
    const carried = spec.skills.filter((s) => LICENCE_KEYS.has(s) || (chance(0.6) && (rOcc === occ || OCCUPATIONS[rOcc].stacks[0].includes(s))));
    roles.push({ occ: rOcc, level: rOcc === "backend_engineer" && managerPrev ? Math.min(lvl, 3) : lvl, start, end, skills: uniq([...carried, ...sample(pool, int(0, 2))]) });
  }
  if (spec.stale?.length) {
    // put the stale skills in the roles before the current one, all of which ended ≥ RECENT_MONTHS + 1 ago
    if (roles.length < 2) { const len = int(18, 40); roles.push({ occ, level: Math.max(1, level - 1), start: roles[0].start - len, end: roles[0].start, skills: [] }); }
    for (const r of roles.slice(1)) r.skills = uniq([...r.skills, ...spec.stale]);
  }
  if (pastOcc) {
    // an earlier career: the current occupation's roles go back only `recentLen` months, before that the old job
    const cut = NOW_M - pastOcc.endedMonthsAgo;
    const kept = roles.filter((r) => (r.end ?? NOW_M) > cut);
    kept[kept.length - 1].start = Math.max(kept[kept.length - 1].start, cut);
    if (kept[kept.length - 1].start >= (kept[kept.length - 1].end ?? NOW_M)) kept[kept.length - 1].start = (kept[kept.length - 1].end ?? NOW_M) - 6;
    roles.length = 0; roles.push(...kept);
    let e = roles[roles.length - 1].start;
    const n = int(1, 3);
    for (let i = 0; i < n; i++) {
      const len = int(18, 40);
      roles.push({ occ: pastOcc.occ, level: Math.max(1, pastOcc.level - i), start: e - len, end: e, skills: i === 0 ? [...pastOcc.skills] : sample(pastOcc.skills, pastOcc.skills.length - 1) });
      e -= len;
    }
  }
  for (const r of roles) { r.title = r.title ?? titleAt(r.occ, r.level); r.company = pick(COMPANIES[OCCUPATIONS[r.occ].sector]); }
  if (roles[0].end === null && roles.length > 1 && roles[1].company === roles[0].company) roles[1].company = pick(COMPANIES[OCCUPATIONS[roles[1].occ].sector]);
  const firstStart = roles[roles.length - 1].start;
  return {
    occupation: occ, level, years: Math.round(((NOW_M - firstStart) / 12) * 10) / 10, city: spec.city, remoteOnly: !!spec.remoteOnly,
    roles, staleKeys: spec.stale ?? [], style: spec.style ?? "normal", stuffedExtra: spec.stuffedExtra ?? [], kind: spec.kind, forPosting: spec.forPosting ?? null, headlineHook: spec.headlineHook ?? null,
  };
}

/** Skill keys used in a role that is current or ended within RECENT_MONTHS. */
export function recentSkills(latent) {
  const s = new Set();
  for (const r of latent.roles) if (r.end === null || NOW_M - r.end <= RECENT_MONTHS) for (const k of r.skills) s.add(k);
  return s;
}

// ---- grading (latent facts only) ---------------------------------------------------------------

export function placeAcceptable(latent, policy) {
  const home = CITIES[latent.city];
  if (policy.remoteCountries) {
    const allowed = policy.remoteCountries === "ANYWHERE" ? REGIONS.ANYWHERE : policy.remoteCountries;
    if (allowed.includes(home.country)) return true;
  }
  if (latent.remoteOnly && !policy.remoteOnlyOk) return false;
  return policy.places.some((p) => haversineKm(home, CITIES[p.city]) <= p.radiusKm);
}

export function gradeOf(latent, truth) {
  const place = placeAcceptable(latent, truth.policy);
  if (latent.occupation !== truth.occupation) return truth.adjacent.includes(latent.occupation) && place ? 1 : 0;
  if (!place) return 1;
  const levelOff = Math.max(0, truth.levels.min - latent.level, latent.level - truth.levels.max);
  const recent = recentSkills(latent);
  const missing = truth.must.filter((k) => !recent.has(k)).length;
  const misses = levelOff + missing;
  return misses === 0 ? 3 : misses === 1 ? 2 : 1;
}

// ---- writing the profile -----------------------------------------------------------------------

function writer() {
  // one person's spelling of each skill, mostly consistent
  const choice = new Map();
  return (k) => {
    const forms = SKILLS[k] ?? [k];
    if (!choice.has(k)) choice.set(k, chance(0.65) ? forms[0] : pick(forms));
    return chance(0.9) ? choice.get(k) : pick(forms);
  };
}
const an = (word) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
const list = (xs) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
const SKILL_LINES = {
  tech: ["Stack: {list}.", "Mostly {a}, with {rest}.", "Worked with {list} day to day.", "Tech: {list}", "Built and ran things with {list}.", "Tools: {list}."],
  other: ["Key skills: {list}.", "Experienced in {list}.", "Day to day: {list}.", "{list}.", "Responsible for {list}."],
};
function skillLine(sector, words) {
  if (!words.length) return "";
  const t = pick(sector === "tech" ? SKILL_LINES.tech : SKILL_LINES.other);
  return t.replace("{list}", list(words)).replace("{a}", words[0]).replace("{rest}", list(words.slice(1)) || "the usual tooling");
}
const SCHOOLS = {
  US: ["University of Texas at Austin", "San Jose State University", "University of Washington", "Rutgers University", "Georgia Tech", "University of Michigan", "CUNY Hunter College", "Texas State University", "UC Davis", "Arizona State University"],
  CA: ["University of Toronto", "McMaster University", "Toronto Metropolitan University", "Humber College", "University of Waterloo", "Western University"],
  GB: ["University of Manchester", "UCL", "University of Leeds", "Loughborough University", "University of Cambridge", "Kingston University"],
  DE: ["TU München", "TU Berlin", "Universität Hamburg", "KIT Karlsruhe", "HTW Berlin"],
  FR: ["ESSEC", "Université Paris-Dauphine", "NEOMA Business School", "IAE Lyon", "Sciences Po"],
  default: ["University of Amsterdam", "Universidad Complutense de Madrid", "University of Lisbon", "Warsaw University of Technology", "KTH", "ETH Zürich", "Trinity College Dublin", "University of Cape Town", "University of Lagos", "IIT Bombay", "NUS", "University of Sydney", "USP", "UNAM", "Politecnico di Milano"],
};

function writeProfile(latent, n) {
  const occDef = OCCUPATIONS[latent.occupation];
  const city = CITIES[latent.city];
  const localeName = chance(0.8) ? LOCALE_OF[city.country] : pick(MIX_LOCALES);
  const fk = F[localeName] ?? F.fakerEN;
  const first = fk.person.firstName(); const last = fk.person.lastName();
  const fullName = `${first} ${last}`;
  const w = writer();
  const cur = latent.roles[0];
  const sector = occDef.sector;
  const allUsed = uniq(latent.roles.flatMap((r) => r.skills));

  const dutyDecks = new Map(); // each person tells each duty once, as long as there are enough
  const nextDuty = (occ) => {
    if (!dutyDecks.get(occ)?.length) dutyDecks.set(occ, shuffle(OCCUPATIONS[occ].duties));
    return dutyDecks.get(occ).pop();
  };
  const experience = latent.roles.map((r, i) => {
    const sec = OCCUPATIONS[r.occ].sector;
    const duties = Array.from({ length: int(1, 2) }, () => nextDuty(r.occ));
    // plain profiles carry their skills only here; others mention most of them here too
    // plain profiles carry their skills only here; others mention most of them here too. A skill used
    // only long ago is always named in the old role, so its date is readable.
    const mention = latent.style === "plain" ? r.skills : r.skills.filter((k) => latent.staleKeys.includes(k) || chance(i === 0 ? 0.8 : 0.65));
    const words = shuffle(mention.filter((k) => !LICENCE_KEYS.has(k))).map(w);
    const text = [...duties, skillLine(sec, words)].filter(Boolean);
    const desc = chance(0.5) ? text.join(" ") : text.map((s) => `• ${s}`).join("\n");
    const e = { title: r.title, company: r.company, startDate: ym(r.start), description: i > 2 && chance(0.4) ? "" : desc };
    if (r.end !== null) e.endDate = ym(r.end);
    return e;
  });

  let skills;
  if (latent.style === "plain") skills = [];
  else if (latent.style === "stuffed") skills = uniq(shuffle([...allUsed, ...latent.stuffedExtra]).map((k) => SKILLS[k]?.[0] ?? k));
  else skills = uniq(shuffle(allUsed).slice(0, int(4, 12)).map(w));

  const licences = allUsed.filter((k) => LICENCE_KEYS.has(k)).map((k) => SKILLS[k][0]);
  const topWords = shuffle(cur.skills.filter((k) => !LICENCE_KEYS.has(k))).slice(0, 3).map(w);
  const yearsTxt = Math.max(1, Math.round(latent.years));
  const headlineStyles = [
    () => `${cur.title} at ${cur.company}`,
    () => `${cur.title} | ${topWords.join(" · ")}`,
    () => `${cur.title}`,
    () => `${cur.title} — ${yearsTxt}+ yrs`,
    () => `${occDef.label[0].toUpperCase()}${occDef.label.slice(1)} • ${topWords.slice(0, 2).join(", ")}`,
    () => `${cur.title} @ ${cur.company} | ${pick(["Open to work", "Mentor", "Speaker", "Volunteer"])}`,
  ];
  let headline = latent.headlineHook ?? pick(headlineStyles)();
  if (latent.remoteOnly && chance(0.6)) headline += " (remote)";

  const summaryParts = [];
  if (chance(0.75) || latent.headlineHook) {
    summaryParts.push(pick([
      `${yearsTxt} years as ${an(occDef.label)}.`, `${occDef.label[0].toUpperCase()}${occDef.label.slice(1)} with ${yearsTxt} years of experience.`,
      `I've worked as ${an(occDef.label)} for about ${yearsTxt} years.`, `Currently ${cur.title} at ${cur.company}.`,
    ]));
    if (latent.style !== "plain" && topWords.length && chance(0.6)) summaryParts.push(pick([`Strongest in ${list(topWords)}.`, `Lately: ${list(topWords)}.`]));
    if (licences.length) summaryParts.push(`Licences / certifications: ${licences.join("; ")}.`);
    if (latent.remoteOnly) summaryParts.push(pick(["Open to remote roles only.", "Fully remote since 2020 and not relocating.", "Looking for remote-first teams."]));
    if (latent.summaryHook) summaryParts.push(latent.summaryHook);
    if (latent.roles.some((r) => r.occ !== latent.occupation && r.occ !== "backend_engineer") && chance(0.8)) {
      const old = latent.roles.find((r) => r.occ !== latent.occupation);
      summaryParts.push(`Before that I spent several years as ${an(OCCUPATIONS[old.occ].label)}.`);
    }
  } else if (licences.length) summaryParts.push(licences.join(", "));

  let location;
  if (latent.remoteOnly) {
    const forms = REMOTE_FORMS[city.country] ?? REMOTE_FORMS.default;
    location = chance(0.5) ? pick(forms).replace("{country}", COUNTRY_NAMES[city.country]) : `Remote · ${city.forms[0]}`;
  } else {
    location = chance(0.5) ? city.forms[0] : pick(city.forms);
  }
  const confusable = ["paristx", "londonon", "berlinnh", "cambridgema", "cambridgeuk", "portlandme", "birminghamal"].includes(latent.city);
  const r = rnd();
  const country = confusable || r < 0.7 ? city.country : r < 0.85 ? COUNTRY_NAMES[city.country] : undefined;

  const edu = [];
  if (chance(0.85)) {
    const grad = NOW.year - Math.round(latent.years) - int(0, 2);
    edu.push({ school: pick(SCHOOLS[city.country] ?? SCHOOLS.default), degree: pick(occDef.degree), field: pick(occDef.field), endYear: grad });
  }
  const slug = `${first}-${last}`.toLowerCase().normalize("NFD").replace(/[^a-z-]/g, "");
  const profile = {
    externalId: `rank-${String(n).padStart(5, "0")}`,
    fullName,
    headline,
    summary: summaryParts.join(" "),
    location,
    ...(country ? { country } : {}),
    currentTitle: cur.title,
    currentCompany: cur.company,
    skills,
    experience,
    education: edu,
  };
  if (chance(0.6)) profile.emails = [`${slug.replace(/-/g, ".")}${int(1, 99)}@${pick(["gmail.com", "outlook.com", "proton.me", "yahoo.com", "icloud.com"])}`];
  if (chance(0.75)) profile.linkedinUrl = `https://www.linkedin.com/in/${slug}-${(n * 7919).toString(36)}`;
  if (!profile.summary) delete profile.summary;
  return profile;
}

// ---- targeted sets per posting ------------------------------------------------------------------

// Look-alike occupations per posting: same words, different job. `skills` are what they really use.
const LOOKALIKES = {
  "p01-backend-go-sf": [{ occ: "devops_engineer", skills: ["go", "kubernetes", "terraform", "postgres", "prometheus"] }, { occ: "qa_engineer", skills: ["go", "testing", "postgres"] }, { occ: "fullstack_engineer", skills: ["go", "react", "postgres", "kubernetes"] }],
  "p02-frontend-react-nyc": [{ occ: "backend_engineer", skills: ["java", "spring", "postgres"], stack: 1 }, { occ: "product_designer", skills: ["figma", "prototyping", "designsystems"] }, { occ: "mobile_engineer", skills: ["swift", "ios"] }, { occ: "fullstack_engineer", skills: ["react", "typescript", "node", "postgres"] }],
  "p03-data-scientist-eu": [{ occ: "data_analyst", skills: ["sql", "python", "tableau", "excel"] }, { occ: "data_analyst", skills: ["sql", "powerbi", "stats"] }, { occ: "ml_engineer", skills: ["python", "pytorch", "ml", "mlops", "sql"] }],
  "p04-sre-berlin-munich": [{ occ: "backend_engineer", skills: ["go", "kubernetes", "aws", "postgres"] }, { occ: "qa_engineer", skills: ["testing", "cicd", "python"] }],
  "p05-product-designer-london": [{ occ: "graphic_designer", skills: ["figma", "illustrator", "branding", "typography"] }, { occ: "graphic_designer", skills: ["photoshop", "print", "indesign"] }, { occ: "frontend_engineer", skills: ["react", "css", "a11y"] }],
  "p06-rn-icu-toronto": [{ occ: "practical_nurse", skills: ["patientcare", "meds", "vitals", "bls"] }, { occ: "practical_nurse", skills: ["patientcare", "woundcare", "ltc"] }, { occ: "physiotherapist", skills: ["physio", "rehab", "patientcare"] }],
  "p07-controller-paris": [{ occ: "bookkeeper", skills: ["bookkeeping", "ap", "ar", "reconciliation", "frenchfluent"] }, { occ: "financial_analyst", skills: ["fpna", "financialmodel", "excel", "frenchfluent"] }],
  "p08-ae-emea": [{ occ: "sdr", skills: ["prospecting", "coldcalling", "salesforce", "outreach"] }, { occ: "marketing_manager", skills: ["abm", "salesforce", "hubspot"] }, { occ: "customer_support", skills: ["customerservice", "zendesk"] }],
  "p09-mecheng-cambridge": [{ occ: "cad_technician", skills: ["solidworks", "autocad", "drafting", "gdt"] }, { occ: "civil_engineer", skills: ["autocadcivil", "stormwater"] }, { occ: "electrical_engineer", skills: ["autocad", "cad", "plc"] }],
  "p10-tech-recruiter-us": [{ occ: "hr_generalist", skills: ["workday", "onboarding", "employeerelations"] }, { occ: "backend_engineer", skills: ["go", "python", "kubernetes", "hiring"] }],
  "p11-marketing-manager-remote": [{ occ: "sdr", skills: ["prospecting", "hubspot", "outreach"] }, { occ: "graphic_designer", skills: ["branding", "photoshop", "illustrator"] }, { occ: "customer_support", skills: ["customerservice", "zendesk"] }],
  "p12-math-teacher-austin": [{ occ: "science_teacher", skills: ["chemistry", "classroom", "lessonplanning"] }, { occ: "english_teacher", skills: ["literature", "classroom", "lessonplanning"] }, { occ: "data_analyst", skills: ["excel", "stats", "sql"] }],
  "p13-pharmacist-manchester": [{ occ: "pharmacy_technician", skills: ["dispensing", "pharmtech", "controlled", "nhs"] }, { occ: "pharmacy_technician", skills: ["dispensing", "customerservice"] }, { occ: "registered_nurse", skills: ["meds", "patientcare"] }],
  "p14-electrician-seattle": [{ occ: "hvac_technician", skills: ["hvac", "troubleshooting", "blueprints", "osha"] }, { occ: "electrical_engineer", skills: ["nec", "autocad", "blueprints"] }, { occ: "project_manager", skills: ["scheduling", "blueprints", "budgeting"] }],
  "p15-paralegal-nyc": [{ occ: "legal_secretary", skills: ["dictation", "calendaring", "docreview"] }, { occ: "attorney", skills: ["litigation", "westlaw", "pleadings", "trialprep"] }, { occ: "attorney", skills: ["litigation", "legalresearch"] }],
  "p16-staff-java-na": [{ occ: "frontend_engineer", skills: ["javascript", "typescript", "react"] }, { occ: "frontend_engineer", skills: ["javascript", "angular", "css"] }, { occ: "engineering_manager", skills: ["peoplemgmt", "java", "kafka", "spring"] }],
  "p17-junior-frontend-amsterdam": [{ occ: "backend_engineer", skills: ["java", "spring", "mysql"], stack: 1 }, { occ: "graphic_designer", skills: ["figma", "photoshop"] }, { occ: "qa_engineer", skills: ["javascript", "selenium", "testing"] }],
};
// What career changers now do, and what recruiters say, per sector.
const CHANGED_TO = ["product_manager", "math_teacher", "customer_support", "project_manager", "retail_manager", "financial_analyst", "business_analyst"];
const TECH = new Set(["tech"]);

function postingSpecs(p) {
  const T = p.truth; const G = p.gen; const specs = [];
  const occ = OCCUPATIONS[T.occupation];
  const stack = occ.stacks[G.stack ?? 0];
  const inRange = () => int(T.levels.min, T.levels.max);
  const homes = G.homes;
  const base = (kind, o = {}) => {
    const city = o.city ?? pick(homes);
    const extra = sample(stack.filter((k) => !T.must.includes(k)), int(1, 3));
    const skills = uniq([...(o.skills ?? T.must), ...sample(T.nice, int(0, 2)), ...extra, ...licencesFor(T.occupation, city)]);
    return { occ: T.occupation, level: o.level ?? inRange(), city, remoteOnly: o.remoteOnly ?? (T.policy.remoteOnlyOk && chance(0.4)), skills, style: o.style ?? (chance(0.3) ? "plain" : "normal"), kind, forPosting: p.id, stale: o.stale, stuffedExtra: o.stuffedExtra };
  };
  const isRemote = !!T.policy.remoteCountries;
  // licences are must-haves too: a positive "missing one must-have" must not lose its licence by accident
  const nonLicenceMust = T.must.filter((k) => !LICENCE_KEYS.has(k));

  for (let i = 0; i < 16; i++) specs.push(base("positive"));
  for (let i = 0; i < 5; i++) {
    const drop = pick(nonLicenceMust);
    const b = base("near-miss: one must-have missing", { skills: T.must.filter((k) => k !== drop) });
    b.skills = b.skills.filter((k) => k !== drop);
    specs.push(b);
  }
  for (let i = 0; i < 3; i++) {
    const lv = T.levels.min > 1 && (i % 2 === 0 || T.levels.max >= 5) ? T.levels.min - 1 : T.levels.max + 1;
    if (lv >= 1 && lv <= 5) specs.push(base("near-miss: one level off", { level: lv }));
  }
  for (let i = 0; i < 2; i++) {
    const st = pick(nonLicenceMust);
    const b = base("near-miss: must-have used only years ago", { stale: [st] });
    b.skills = b.skills.filter((k) => k !== st);
    b.level = Math.max(b.level, 2);
    specs.push(b);
  }
  if (T.levels.min - 2 >= 1) specs.push(base("too junior", { level: T.levels.min - 2 }));
  if (T.levels.max + 2 <= 5) specs.push(base("too senior", { level: T.levels.max + 2 }));
  else if (T.levels.max + 1 <= 5) specs.push(base("too senior (one level)", { level: T.levels.max + 1 }));
  for (const c of G.sameName ?? []) for (let i = 0; i < 2; i++) specs.push(base("same-name city, other country", { city: c, remoteOnly: false }));
  for (const c of G.farInState ?? []) specs.push(base("outside commuting distance", { city: c, remoteOnly: false }));
  if (!isRemote || !T.policy.remoteOnlyOk) {
    for (const c of sample([...(G.elsewhere ?? []), ...(G.farInState ?? [])], 2)) specs.push(base("remote-only, far away (onsite job)", { city: c, remoteOnly: true }));
    specs.push(base("remote-only, lives in the metro (onsite job)", { city: homes[0], remoteOnly: true }));
  }
  for (const c of G.wrongRegion ?? []) specs.push(base("remote, outside the allowed region", { city: c, remoteOnly: true }));
  for (const c of sample(G.elsewhere ?? [], 1)) specs.push(base("good fit, wrong city", { city: c, remoteOnly: false }));
  // right occupation, stuffed list: lists every must-have, really used only one
  {
    const keep = pick(nonLicenceMust);
    const b = base("stuffed skills, same occupation", { skills: [keep, ...T.must.filter((k) => LICENCE_KEYS.has(k))], style: "stuffed" });
    b.skills = b.skills.filter((k) => !T.must.includes(k) || k === keep || LICENCE_KEYS.has(k));
    b.stuffedExtra = uniq([...T.must, ...T.nice, ...sample(Object.keys(SKILLS), 10)]);
    specs.push(b);
  }
  // another occupation with a stuffed list naming every must-have
  {
    const other = pick(["data_analyst", "qa_engineer", "business_analyst", "customer_support", "project_manager"]);
    specs.push({ occ: other, level: int(2, 3), city: pick(homes), skills: sample(OCCUPATIONS[other].stacks[0], 3), style: "stuffed", stuffedExtra: uniq([...T.must, ...T.nice, ...sample(Object.keys(SKILLS), 12)]), kind: "stuffed skills, other occupation", forPosting: p.id });
  }
  // career changers: did exactly this job with these skills, ended years ago
  for (let i = 0; i < 2; i++) {
    const now = pick(CHANGED_TO.filter((o) => o !== T.occupation));
    specs.push({ occ: now, level: int(2, 3), city: pick(homes), skills: sample(OCCUPATIONS[now].stacks[0], 3), kind: "career changer (matching work ended years ago)", forPosting: p.id,
      past: { occ: T.occupation, level: inRange(), skills: uniq([...T.must, ...sample(T.nice, 2)]), endedMonthsAgo: int(48, 90) } });
  }
  // a recruiter repeating the posting's keywords
  {
    const words = T.must.filter((k) => !LICENCE_KEYS.has(k)).map((k) => SKILLS[k][0]);
    const hook = pick([`Technical Recruiter | Hiring ${list(words)} ${occ.label}s`, `Talent Partner — hiring ${occ.label}s (${words.join(", ")})`, `Recruiter at TalentBridge | ${words.join(" • ")} | ${occ.label}s`]);
    const s = { occ: "technical_recruiter", level: int(2, 3), city: pick(homes), skills: ["sourcing", "techrecruiting", "linkedinrecruiter"], kind: "recruiter repeating the keywords", forPosting: p.id, headlineHook: hook, style: "normal" };
    specs.push(s);
  }
  // the manager of this stack (tech postings only): the job's skills, but a manager's job
  if (TECH.has(occ.sector) && T.occupation !== "technical_recruiter") {
    specs.push({ occ: "engineering_manager", level: int(3, 5), city: pick(homes), skills: uniq(["peoplemgmt", "hiring", ...T.must]), kind: "manager of the stack", forPosting: p.id });
  }
  for (const la of LOOKALIKES[p.id] ?? []) {
    specs.push({ occ: la.occ, level: inRange(), city: pick(homes), skills: uniq([...la.skills, ...licencesFor(la.occ, homes[0])]), kind: `look-alike occupation (${la.occ})`, forPosting: p.id, remoteOnly: T.policy.remoteOnlyOk && chance(0.3) });
  }
  for (const a of T.adjacent) specs.push({ occ: a, level: inRange(), city: pick(homes), skills: sample(OCCUPATIONS[a].stacks[0], 4), kind: `adjacent occupation (${a})`, forPosting: p.id });
  return specs;
}

// ---- the background pool ------------------------------------------------------------------------

const SECTOR_CITIES = {
  education: ["austin", "houston", "dallas", "chicago", "la", "nyc", "denver", "atlanta", "paristx", "sacramento", "toronto", "london", "manchester"],
  trades: ["seattle", "tacoma", "spokane", "portlandor", "portlandme", "denver", "chicago", "houston", "toronto", "birminghamal", "manchester"],
  legal: ["nyc", "brooklyn", "jerseycity", "dc", "philadelphia", "boston", "chicago", "london", "toronto"],
};
const ALL_CITIES = Object.keys(CITIES);
const BIG = ["sf", "nyc", "london", "berlin", "toronto", "seattle", "austin", "paris", "amsterdam", "munich", "chicago", "manchester", "boston"];

function backgroundSpec() {
  const occs = Object.keys(OCCUPATIONS);
  const occ = pick(occs);
  const def = OCCUPATIONS[occ];
  const level = pick([1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5].filter((l) => def.titles[l] || l >= 2));
  const city = SECTOR_CITIES[def.sector] && chance(0.7) ? pick(SECTOR_CITIES[def.sector]) : chance(0.5) ? pick(BIG) : pick(ALL_CITIES);
  const stack = pick(def.stacks);
  const skills = uniq([...sample(stack, int(2, Math.min(6, stack.length))), ...licencesFor(occ, city)]);
  const style = chance(0.18) ? "plain" : chance(0.06) ? "stuffed" : "normal";
  const stale = chance(0.1) ? sample(stack.filter((k) => !skills.includes(k)), 1) : undefined;
  return { occ, level, city, remoteOnly: chance(def.sector === "tech" || def.sector === "marketing" ? 0.22 : 0.03), skills, style, stale: stale?.length ? stale : undefined, stuffedExtra: style === "stuffed" ? sample(Object.keys(SKILLS), 12) : [], kind: "background" };
}

// ---- entry point ---------------------------------------------------------------------------------

export function generateDataset({ seed = 20261202 } = {}) {
  rnd = mulberry32(seed);
  for (const k of Object.keys(F)) if (k.startsWith("faker") && typeof F[k]?.seed === "function") F[k].seed(seed);
  const specs = [];
  for (const p of POSTINGS) specs.push(...postingSpecs(p));
  for (let i = 0; i < BACKGROUND; i++) specs.push(backgroundSpec());
  const order = shuffle(specs.map((_, i) => i)); // interleave, so import order says nothing
  const latents = []; const profiles = [];
  order.forEach((si, n) => {
    const latent = makeLatent(specs[si]);
    const profile = writeProfile(latent, n + 1);
    latent.externalId = profile.externalId;
    latents.push(latent); profiles.push(profile);
  });
  const grades = {};
  for (const p of POSTINGS) {
    grades[p.id] = {};
    for (const l of latents) grades[p.id][l.externalId] = gradeOf(l, p.truth);
  }
  const postings = POSTINGS.map(({ id, title, location, jobDescription, truth }) => ({ id, title, location, jobDescription, truth }));
  return { seed, postings, profiles, latents, grades };
}
