// Held-out generator: profiles written from latent facts with templates of its own (./occupations.mjs,
// own headlines, summaries and role wording), graded with the MAIN rubric (gradeOf in ../dataset.mjs)
// and scored with the main metric code. Postings in ./postings.mjs. Deterministic per seed.
//
//   generateDataset({ seed }) → { seed, postings, profiles, latents, grades }   (same shape as ../dataset.mjs)
import * as F from "@faker-js/faker";
import { CITIES, COUNTRY_NAMES, H_REMOTE_FORMS } from "./cities.mjs"; // extends the main city table first
import { NOW, RECENT_MONTHS, gradeOf } from "../dataset.mjs";
import { HCOMPANIES, HLICENCES, HOCCUPATIONS, HSKILLS } from "./occupations.mjs";
import { HPOSTINGS } from "./postings.mjs";

const NOW_M = NOW.year * 12 + (NOW.month - 1); // same month arithmetic as the main rubric
const BACKGROUND = 2150;

function mulberry32(a) {
  return () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
let rnd = mulberry32(1);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p) => rnd() < p;
const pick = (a) => a[Math.floor(rnd() * a.length)];
const shuffle = (a) => { const b = [...a]; for (let i = b.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [b[i], b[j]] = [b[j], b[i]]; } return b; };
const sample = (a, n) => shuffle(a).slice(0, Math.max(0, n));
const uniq = (a) => [...new Set(a)];

// ---- licences: location facts -------------------------------------------------------------------
const MN = new Set(["minneapolis", "stpaul", "duluth", "rochestermn"]);
const MA = new Set(["boston", "cambridgema", "worcester"]);
const VA = new Set(["richmondva", "norfolk"]);
const ONT = new Set(["toronto", "mississauga", "hamilton", "ottawa", "londonon"]);
const BC = new Set(["vancouver", "richmondbc"]);
function licencesFor(occ, city, level) {
  const c = CITIES[city].country;
  switch (occ) {
    case "physical_therapist": return MN.has(city) ? ["ptlic_mn"] : c === "US" ? ["ptlic_us"] : [];
    case "dental_hygienist": return c === "AU" ? ["ahpra"] : [];
    case "registered_nurse": return MA.has(city) ? ["rnlic_ma"] : [];
    case "hvac_technician": return c === "US" ? ["epa608"] : [];
    case "civil_engineer": return ONT.has(city) ? [level >= 2 ? "peng_on" : "eit"] : [];
    case "chemistry_teacher": case "biology_teacher": return VA.has(city) ? ["valic"] : BC.has(city) ? ["bclic"] : c === "US" ? ["teachlic"] : [];
    case "math_teacher": return c === "US" ? ["teachlic"] : [];
    case "payroll_specialist": return c === "CA" && chance(0.35) ? ["pcp"] : [];
    default: return [];
  }
}

// ---- the latent person (same fields the main rubric reads) ---------------------------------------
const YEARS = { 1: [0, 2], 2: [2, 5], 3: [5, 9], 4: [8, 14], 5: [12, 22] };
const titleAt = (occ, level) => {
  const t = HOCCUPATIONS[occ].titles;
  for (let d = 0; d < 5; d++) { if (t[level - d]) return pick(t[level - d]); if (t[level + d]) return pick(t[level + d]); }
  throw new Error(`no title for ${occ}`);
};
const ym = (m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

function makeLatent(spec) {
  const { occ, level } = spec;
  const def = HOCCUPATIONS[occ];
  const years = int(...YEARS[level]);
  let months = Math.max(5, years * 12 + int(0, 11));
  const roles = [];
  const licences = spec.skills.filter((k) => HLICENCES.has(k));
  const curLen = spec.stale?.length ? int(RECENT_MONTHS + 4, RECENT_MONTHS + 30) : int(6, Math.max(7, Math.min(months, 48)));
  let start = NOW_M - curLen;
  roles.push({ occ, level, start, end: null, skills: [...spec.skills] });
  months -= curLen;
  let lvl = level;
  const stack = def.stacks[spec.stack ?? 0];
  while (months > 5 && roles.length < 5) {
    const len = Math.min(months, int(12, 44)); months -= len;
    const end = start; start = end - len;
    lvl = Math.max(1, lvl - (chance(0.55) ? 1 : 0));
    const rOcc = occ === "engineering_manager" && roles.length >= 2 ? (spec.managedOcc ?? "backend_engineer") : occ;
    const carried = spec.skills.filter((k) => HLICENCES.has(k) || chance(0.55));
    roles.push({ occ: rOcc, level: lvl, start, end, skills: uniq([...carried, ...sample(rOcc === occ ? stack : HOCCUPATIONS[rOcc].stacks[0], int(0, 2))]) });
  }
  if (spec.stale?.length) {
    if (roles.length < 2) { const len = int(16, 36); roles.push({ occ, level: Math.max(1, level - 1), start: roles[0].start - len, end: roles[0].start, skills: [...licences] }); }
    for (const r of roles.slice(1)) r.skills = uniq([...r.skills, ...spec.stale]);
  }
  if (spec.past) {
    const cut = NOW_M - spec.past.endedMonthsAgo;
    const kept = roles.filter((r) => (r.end ?? NOW_M) > cut);
    const last = kept[kept.length - 1];
    last.start = Math.max(last.start, cut);
    if (last.start >= (last.end ?? NOW_M)) last.start = (last.end ?? NOW_M) - 6;
    roles.length = 0; roles.push(...kept);
    let e = roles[roles.length - 1].start;
    for (let i = 0, n = int(1, 3); i < n; i++) {
      const len = int(20, 44);
      roles.push({ occ: spec.past.occ, level: Math.max(1, spec.past.level - i), start: e - len, end: e, skills: i === 0 ? [...spec.past.skills] : sample(spec.past.skills, spec.past.skills.length - 1) });
      e -= len;
    }
  }
  for (const r of roles) { r.title = titleAt(r.occ, r.level); r.company = pick(HCOMPANIES[HOCCUPATIONS[r.occ].sector]); }
  if (roles.length > 1 && roles[1].company === roles[0].company) roles[1].company = pick(HCOMPANIES[HOCCUPATIONS[roles[1].occ].sector]);
  return {
    occupation: occ, level, years: Math.round(((NOW_M - roles[roles.length - 1].start) / 12) * 10) / 10, city: spec.city, remoteOnly: !!spec.remoteOnly, roles,
    staleKeys: spec.stale ?? [], style: spec.style ?? "normal", stuffedExtra: spec.stuffedExtra ?? [], kind: spec.kind, forPosting: spec.forPosting ?? null, headlineHook: spec.headlineHook ?? null,
  };
}

// ---- writing (own templates) ----------------------------------------------------------------------
const LOCALE_OF = {
  US: "fakerEN_US", CA: "fakerEN_CA", GB: "fakerEN_GB", IE: "fakerEN_IE", DE: "fakerDE", FR: "fakerFR", NL: "fakerNL", ES: "fakerES", PT: "fakerPT_PT", PL: "fakerPL",
  SE: "fakerSV", CH: "fakerDE_CH", IT: "fakerIT", AU: "fakerEN_AU", BR: "fakerPT_BR", MX: "fakerES_MX", IN: "fakerEN_IN", NG: "fakerEN_NG", ZA: "fakerEN_ZA",
  DK: "fakerDA", AT: "fakerDE_AT", BE: "fakerNL_BE", NO: "fakerNB_NO", FI: "fakerFI", CZ: "fakerCS_CZ", NZ: "fakerEN_AU", JP: "fakerJA", AR: "fakerES", CO: "fakerES", CL: "fakerES", PE: "fakerES",
};
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const andList = (xs) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} & ${xs[xs.length - 1]}`);
const SKILL_SENTENCES = [
  "Hands-on with {list}.", "Used {list} every week.", "Tools and methods: {list}", "Core of the job: {list}.", "{list} were the bread and butter here.",
  "Day-to-day toolkit — {list}.", "Relied on {list}.", "Got deep into {first}; also {rest}.",
];
const skillSentence = (words) => !words.length ? "" : pick(SKILL_SENTENCES).replace("{list}", andList(words)).replace("{first}", words[0]).replace("{rest}", andList(words.slice(1)) || "the usual kit");
const CONFUSABLE = new Set(["paristx", "londonon", "berlinnh", "cambridgema", "cambridgeuk", "portlandme", "birminghamal", "perth", "perthscot", "hamilton", "hamiltonnz", "richmondva", "richmondbc"]);

function spellerFor() {
  const mine = new Map();
  return (k) => { const forms = HSKILLS[k] ?? [k]; if (!mine.has(k)) mine.set(k, chance(0.6) ? forms[0] : pick(forms)); return chance(0.88) ? mine.get(k) : pick(forms); };
}

function writeProfile(latent, n) {
  const def = HOCCUPATIONS[latent.occupation];
  const city = CITIES[latent.city];
  const fk = F[LOCALE_OF[city.country]] ?? F.fakerEN;
  const first = fk.person.firstName(); const last = fk.person.lastName();
  const spell = spellerFor();
  const cur = latent.roles[0];
  const used = uniq(latent.roles.flatMap((r) => r.skills));
  const decks = new Map();
  const duty = (occ) => { if (!decks.get(occ)?.length) decks.set(occ, shuffle(HOCCUPATIONS[occ].duties)); return decks.get(occ).pop(); };

  const experience = latent.roles.map((r, i) => {
    const told = latent.style === "plain" ? r.skills : r.skills.filter((k) => latent.staleKeys.includes(k) || chance(i === 0 ? 0.8 : 0.65));
    const words = shuffle(told.filter((k) => !HLICENCES.has(k))).map(spell);
    const parts = [duty(r.occ), ...(chance(0.45) ? [duty(r.occ)] : []), skillSentence(words)].filter(Boolean);
    const style = rnd();
    const description = style < 0.4 ? parts.join(" ") : style < 0.75 ? parts.map((s) => `- ${s}`).join("\n") : parts.join("\n");
    const e = { title: r.title, company: r.company, startDate: ym(r.start), description: i >= 3 && chance(0.5) ? "" : description };
    if (r.end !== null) e.endDate = ym(r.end);
    return e;
  });

  let skills;
  if (latent.style === "plain") skills = [];
  else if (latent.style === "stuffed") skills = uniq(shuffle([...used, ...latent.stuffedExtra]).map((k) => HSKILLS[k]?.[0] ?? k));
  else skills = uniq(shuffle(used).slice(0, int(3, 10)).map(spell));

  const licences = used.filter((k) => HLICENCES.has(k)).map((k) => pick(HSKILLS[k]));
  const top = shuffle(cur.skills.filter((k) => !HLICENCES.has(k))).slice(0, 3).map(spell);
  const yrs = Math.max(1, Math.round(latent.years));
  const town = city.forms[0].split(",")[0];
  const heads = [
    () => `${cur.title}, ${cur.company}`,
    () => `${cur.title} — ${top.join(", ") || def.label}`,
    () => `${cap(def.label)} | ${yrs} years | ${town}`,
    () => `${cur.title} (${cur.company})`,
    () => `Experienced ${def.label}${top[0] ? ` · ${top[0]}` : ""}`,
    () => `${cur.title} • open to new opportunities`,
    () => `${cur.title}`,
  ];
  let headline = latent.headlineHook ?? pick(heads)();
  if (latent.remoteOnly && chance(0.5)) headline += pick([" · remote only", " | Remote", " (fully remote)"]);

  const sum = [];
  if (chance(0.7) || latent.headlineHook) {
    sum.push(pick([
      `${cap(def.label)} based in ${town}, ${yrs} years in the field.`, `I've spent roughly ${yrs} years working as ${/^[aeiou]/i.test(def.label) ? "an" : "a"} ${def.label}.`,
      `Right now I'm ${cur.title} at ${cur.company.replace(/\.$/, "")}.`, `${yrs}+ years of experience; currently with ${cur.company.replace(/\.$/, "")}.`,
    ]));
    if (latent.style !== "plain" && top.length && chance(0.55)) sum.push(pick([`Most of my recent work: ${andList(top)}.`, `Known for ${andList(top)}.`]));
  }
  if (licences.length) sum.push(pick([`Credentials: ${licences.join(", ")}.`, `Licensed — ${licences.join("; ")}.`]));
  if (latent.remoteOnly) sum.push(pick(["I only consider fully remote positions.", "Remote work only, please — not able to relocate or commute.", "Looking for remote roles exclusively."]));
  const old = latent.roles.find((r) => r.occ !== latent.occupation);
  if (old && latent.occupation !== "engineering_manager" && chance(0.75)) sum.push(`I moved into this after several years as ${/^[aeiou]/i.test(HOCCUPATIONS[old.occ].label) ? "an" : "a"} ${HOCCUPATIONS[old.occ].label}.`);

  let location;
  if (latent.remoteOnly) {
    const forms = H_REMOTE_FORMS[city.country] ?? H_REMOTE_FORMS.default;
    location = chance(0.55) ? pick(forms).replace("{country}", COUNTRY_NAMES[city.country]) : `${city.forms[0]} (remote)`;
  } else location = chance(0.55) ? city.forms[0] : pick(city.forms);
  const r = rnd();
  const country = CONFUSABLE.has(latent.city) || r < 0.65 ? city.country : r < 0.85 ? COUNTRY_NAMES[city.country] : undefined;

  const education = [];
  if (chance(0.8)) education.push({ school: `${pick(["University of", "College of", "Institute of"])} ${town}`, degree: pick(def.edu.deg), field: pick(def.edu.field), endYear: NOW.year - Math.round(latent.years) - int(0, 2) });
  const slug = `${first}-${last}`.toLowerCase().normalize("NFD").replace(/[^a-z-]/g, "");
  const profile = {
    externalId: `hold-${String(n).padStart(5, "0")}`, fullName: `${first} ${last}`, headline, ...(sum.length ? { summary: sum.join(" ") } : {}), location,
    ...(country ? { country } : {}), currentTitle: cur.title, currentCompany: cur.company, skills, experience, education,
  };
  if (chance(0.55)) profile.emails = [`${slug.replace(/-/g, "_")}${int(10, 999)}@${pick(["gmail.com", "hotmail.com", "fastmail.com", "gmx.de", "yahoo.com"])}`];
  if (chance(0.7)) profile.linkedinUrl = `https://www.linkedin.com/in/${slug}-h${(n * 104729).toString(36)}`;
  return profile;
}

// ---- targeted sets per posting ---------------------------------------------------------------------
const LOOKALIKES = {
  "h01-pt-ortho-minneapolis": [{ occ: "pt_assistant", skills: ["therex", "ortho", "taping", "webpt"] }, { occ: "occupational_therapist", skills: ["adl", "splinting", "postop", "therex"] }, { occ: "athletic_trainer", skills: ["sports", "taping", "therex"] }],
  "h02-hvac-tech-phoenix": [{ occ: "electrician", skills: ["wiring", "controls", "necode"] }, { occ: "plumber", skills: ["pipefit", "boilers", "backflow"] }, { occ: "mechanical_engineer", skills: ["hvacdesign", "revit", "autocad2"] }],
  "h03-dental-hygienist-perth": [{ occ: "dental_assistant", skills: ["chairside", "sterilisation", "radiographs", "dentrix"] }, { occ: "dental_assistant", skills: ["chairside", "sterilisation"] }, { occ: "dentist", skills: ["restorative", "perio", "radiographs"] }],
  "h04-ux-researcher-stockholm-cph": [{ occ: "product_designer", skills: ["figma2", "usabtest", "interviews", "wireframes"] }, { occ: "market_researcher", skills: ["surveys", "focusgroups", "spss"] }, { occ: "product_manager", skills: ["interviews", "roadmap2", "jira2"] }, { occ: "data_analyst", skills: ["sql2", "tableau2", "excel2"] }],
  "h05-security-eng-eu": [{ occ: "devops_engineer", skills: ["k8s2", "tf2", "aws2", "linux2"] }, { occ: "security_analyst", skills: ["siem", "incident", "vulnmgmt"] }, { occ: "it_support", skills: ["helpdesk", "intune", "activedir", "m365"] }],
  "h06-ios-remote-anywhere": [{ occ: "android_engineer", skills: ["kotlin2", "compose", "androidsdk"] }, { occ: "frontend_engineer", skills: ["reactnative", "react2", "ts2"] }, { occ: "qa_engineer", skills: ["xctest", "appium", "selenium2"] }],
  "h07-payroll-canada": [{ occ: "bookkeeper", skills: ["gl", "reconcile", "payrollproc", "quickbooks2"] }, { occ: "hr_generalist", skills: ["hris", "benefitsadmin", "er"] }, { occ: "accountant", skills: ["gl", "reconcile", "erp"] }],
  "h08-data-eng-latam": [{ occ: "data_scientist", skills: ["python2", "ml2", "sql2", "pandas2"] }, { occ: "data_analyst", skills: ["sql2", "powerbi2", "excel2"] }, { occ: "backend_engineer", skills: ["python2", "postgres2", "docker2"] }],
  "h09-supply-chain-chicago": [{ occ: "logistics_coordinator", skills: ["logistics", "wms", "vendor"] }, { occ: "buyer", skills: ["procurement", "vendor", "erp"] }, { occ: "financial_analyst", skills: ["fpa", "variance", "sql2", "excel2"] }, { occ: "data_analyst", skills: ["sql2", "tableau2", "excel2"] }],
  "h10-civil-eng-hamilton": [{ occ: "civil_technician", skills: ["civil3d", "autocad2", "grading"] }, { occ: "structural_engineer", skills: ["structural", "etabs", "revit"] }, { occ: "construction_pm", skills: ["msproject2", "estimating", "sitesuper"] }],
  "h11-sales-engineer-apac": [{ occ: "account_executive", skills: ["salesforce2", "quota", "prospect"] }, { occ: "customer_success_manager", skills: ["renewals", "onboard", "qbr", "apis"] }, { occ: "backend_engineer", skills: ["python2", "rest", "aws2"] }],
  "h12-chem-teacher-richmond": [{ occ: "chemist", skills: ["chem", "hplc", "titration", "labsafe"] }, { occ: "math_teacher", skills: ["algebra2", "classmgmt"] }],
  "h13-python-backend-germany": [{ occ: "data_engineer", skills: ["python2", "sql2", "airflow"] }, { occ: "devops_engineer", skills: ["docker2", "k8s2", "python2"] }, { occ: "qa_engineer", skills: ["selenium2", "jira2"] }],
  "h14-er-nurse-boston": [{ occ: "paramedic", skills: ["ems", "acls2", "pals", "triagecare"] }, { occ: "practical_nurse", skills: ["vitals2", "ivtherapy"] }, { occ: "medical_assistant", skills: ["vitals2", "phlebotomy", "epic2"] }],
};
const CHANGED_TO = ["product_manager", "customer_support", "retail_manager", "math_teacher", "construction_pm", "technical_recruiter"];
const TECH_MANAGED = { ux_researcher: "ux_researcher", security_engineer: "security_engineer", ios_engineer: "ios_engineer", data_engineer: "data_engineer", backend_engineer: "backend_engineer" };

function postingSpecs(p) {
  const T = p.truth; const G = p.gen; const out = [];
  const def = HOCCUPATIONS[T.occupation];
  const stack = def.stacks[G.stack ?? 0];
  const lv = () => int(T.levels.min, T.levels.max);
  const isRemote = !!T.policy.remoteCountries;
  const plainMust = T.must.filter((k) => !HLICENCES.has(k));
  const base = (kind, o = {}) => {
    const city = o.city ?? pick(G.homes);
    const level = o.level ?? lv();
    const must = (o.skills ?? T.must).filter((k) => !HLICENCES.has(k));
    const skills = uniq([...must, ...sample(T.nice, int(0, 2)), ...sample(stack.filter((k) => !T.must.includes(k) && !HLICENCES.has(k)), int(1, 3)), ...licencesFor(T.occupation, city, level)]);
    return { occ: T.occupation, level, city, remoteOnly: o.remoteOnly ?? (isRemote && chance(0.45)), skills, style: o.style ?? (chance(0.25) ? "plain" : "normal"), kind, forPosting: p.id, stale: o.stale, stuffedExtra: o.stuffedExtra, stack: G.stack };
  };
  for (let i = 0; i < 16; i++) out.push(base("positive"));
  for (let i = 0; i < 5; i++) { const drop = plainMust[i % plainMust.length]; out.push(base("near-miss: one must-have missing", { skills: T.must.filter((k) => k !== drop) })); }
  for (let i = 0; i < 3; i++) {
    const l = T.levels.min > 1 && i % 2 === 0 ? T.levels.min - 1 : T.levels.max + 1;
    if (l >= 1 && l <= 5) out.push(base("near-miss: one level off", { level: l }));
  }
  for (let i = 0; i < 2; i++) { const st = pick(plainMust); const b = base("near-miss: must-have used only years ago", { skills: T.must.filter((k) => k !== st), stale: [st], level: Math.max(2, lv()) }); out.push(b); }
  if (T.levels.min - 2 >= 1) out.push(base("too junior", { level: T.levels.min - 2 }));
  if (T.levels.max + 2 <= 5) out.push(base("too senior (director / head of)", { level: T.levels.max + 2 }), base("too senior (director / head of)", { level: 5 }));
  for (const c of G.sameName ?? []) for (let i = 0; i < 3; i++) out.push(base("same-name city, other country", { city: c, remoteOnly: false }));
  for (const c of G.farInState ?? []) out.push(base("outside commuting distance", { city: c, remoteOnly: false }));
  if (!isRemote) {
    for (const c of sample([...(G.elsewhere ?? []), ...(G.farInState ?? [])], 2)) out.push(base("remote-only, far away (onsite job)", { city: c, remoteOnly: true }));
    out.push(base("remote-only, lives in the metro (onsite job)", { city: G.homes[0], remoteOnly: true }));
  }
  for (const c of G.wrongRegion ?? []) out.push(base("remote, outside the allowed region", { city: c, remoteOnly: true }));
  for (const c of sample(G.elsewhere ?? [], 2)) out.push(base("good fit, wrong city", { city: c, remoteOnly: false }));
  { // right occupation, stuffed list naming everything, really used one must-have
    const keep = pick(plainMust);
    const b = base("stuffed skills, same occupation", { skills: [keep, ...T.must.filter((k) => HLICENCES.has(k))], style: "stuffed" });
    b.skills = b.skills.filter((k) => !T.must.includes(k) || k === keep || HLICENCES.has(k));
    b.stuffedExtra = uniq([...T.must, ...T.nice, ...sample(Object.keys(HSKILLS), 10)]);
    out.push(b);
  }
  { const other = pick(["data_analyst", "customer_support", "product_manager", "it_support", "logistics_coordinator"].filter((o) => o !== T.occupation));
    out.push({ occ: other, level: int(2, 3), city: pick(G.homes), skills: sample(HOCCUPATIONS[other].stacks[0], 3), style: "stuffed", stuffedExtra: uniq([...T.must, ...T.nice, ...sample(Object.keys(HSKILLS), 12)]), kind: "stuffed skills, other occupation", forPosting: p.id }); }
  for (let i = 0; i < 2; i++) {
    const now = pick(CHANGED_TO.filter((o) => o !== T.occupation));
    out.push({ occ: now, level: int(2, 3), city: pick(G.homes), skills: sample(HOCCUPATIONS[now].stacks[0], 2), kind: "career changer (matching work ended years ago)", forPosting: p.id,
      past: { occ: T.occupation, level: lv(), skills: uniq([...T.must, ...sample(T.nice, 2)]), endedMonthsAgo: int(50, 96) } });
  }
  { const words = plainMust.map((k) => HSKILLS[k][0]);
    const hook = pick([`Recruiter for ${def.label}s · ${words.join(" / ")}`, `Hiring ${cap(def.label)}s now! ${andList(words)} | DM me`, `Talent Acquisition — ${def.label} roles (${words.join(", ")})`]);
    out.push({ occ: "technical_recruiter", level: int(2, 3), city: pick(G.homes), remoteOnly: isRemote && chance(0.5), skills: ["sourcing2", "ats", "recruiting"], kind: "recruiter repeating the keywords", forPosting: p.id, headlineHook: hook }); }
  if (TECH_MANAGED[T.occupation]) {
    out.push({ occ: "engineering_manager", level: int(3, 5), city: pick(G.homes), remoteOnly: isRemote && chance(0.4), skills: uniq(["peoplelead", "hiring2", ...plainMust]), kind: "manager of the work", forPosting: p.id, managedOcc: T.occupation });
  } else {
    out.push(base("manager of the work (same occupation, level 5)", { level: 5 }));
  }
  for (const la of LOOKALIKES[p.id] ?? []) {
    const city = pick(G.homes);
    out.push({ occ: la.occ, level: lv(), city, remoteOnly: isRemote && chance(0.3), skills: uniq([...la.skills, ...licencesFor(la.occ, city, 2)]), kind: `look-alike occupation (${la.occ})`, forPosting: p.id });
  }
  for (const a of T.adjacent) { const city = pick(G.homes); out.push({ occ: a, level: lv(), city, skills: uniq([...sample(HOCCUPATIONS[a].stacks[0], 3), ...licencesFor(a, city, 2)]), kind: `adjacent occupation (${a})`, forPosting: p.id }); }
  return out;
}

// ---- background -----------------------------------------------------------------------------------------
const SECTOR_CITIES = {
  therapy: ["minneapolis", "stpaul", "chicago", "denver", "boston", "phoenix", "toronto"], trades: ["phoenix", "mesa", "tucson", "dallas", "houston", "la", "denver", "chicago"],
  dental: ["perth", "sydney", "melbourne", "perthscot", "auckland", "london"], education: ["richmondva", "norfolk", "charlotte", "dc", "richmondbc", "vancouver", "austin"],
  health: ["boston", "cambridgema", "worcester", "nyc", "philadelphia", "chicago"], engineering: ["hamilton", "toronto", "mississauga", "ottawa", "hamiltonnz", "calgary", "chicago"],
  ops: ["chicago", "evanston", "milwaukee", "atlanta", "dallas", "minneapolis"], finance: ["toronto", "calgary", "vancouver", "montreal", "seattle", "chicago"],
};
const ALL = Object.keys(CITIES);
const BIGH = ["berlin", "stockholm", "copenhagen", "saopaulo", "singapore", "sydney", "toronto", "chicago", "boston", "london", "bangalore", "mexicocity", "amsterdam", "lisbon"];
function backgroundSpec() {
  const occ = pick(Object.keys(HOCCUPATIONS));
  const def = HOCCUPATIONS[occ];
  const level = pick([1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5].filter((l) => def.titles[l] || l >= 2));
  const city = SECTOR_CITIES[def.sector] && chance(0.65) ? pick(SECTOR_CITIES[def.sector]) : chance(0.5) ? pick(BIGH) : pick(ALL);
  const stack = pick(def.stacks);
  const skills = uniq([...sample(stack.filter((k) => !HLICENCES.has(k)), int(2, Math.min(6, stack.length))), ...licencesFor(occ, city, level)]);
  const style = chance(0.2) ? "plain" : chance(0.05) ? "stuffed" : "normal";
  const stale = chance(0.1) ? sample(stack.filter((k) => !skills.includes(k) && !HLICENCES.has(k)), 1) : [];
  return { occ, level, city, remoteOnly: chance(def.sector === "tech" || def.sector === "sales" ? 0.25 : 0.03), skills, style, stale: stale.length ? stale : undefined, stuffedExtra: style === "stuffed" ? sample(Object.keys(HSKILLS), 12) : [], kind: "background" };
}

export function generateDataset({ seed = 5550123 } = {}) {
  rnd = mulberry32(seed);
  for (const k of Object.keys(F)) if (k.startsWith("faker") && typeof F[k]?.seed === "function") F[k].seed(seed);
  const specs = [];
  for (const p of HPOSTINGS) specs.push(...postingSpecs(p));
  for (let i = 0; i < BACKGROUND; i++) specs.push(backgroundSpec());
  const order = shuffle(specs.map((_, i) => i));
  const latents = []; const profiles = [];
  order.forEach((si, n) => {
    const latent = makeLatent(specs[si]);
    const profile = writeProfile(latent, n + 1);
    latent.externalId = profile.externalId;
    latents.push(latent); profiles.push(profile);
  });
  const grades = {};
  for (const p of HPOSTINGS) { grades[p.id] = {}; for (const l of latents) grades[p.id][l.externalId] = gradeOf(l, p.truth); }
  const postings = HPOSTINGS.map(({ id, title, location, jobDescription, truth }) => ({ id, title, location, jobDescription, truth }));
  return { seed, postings, profiles, latents, grades };
}
