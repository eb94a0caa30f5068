#!/usr/bin/env node
// `node bench/skills-finder.mjs`: the token-walk skill finder (src/pipeline/skills/find-skills.ts)
// against the regex-alternation finder it replaced, on ~2,000 generated profile texts.
//
// Machines here are shared and noisy, so every figure is a RATIO of two timings from this run
// (medians of interleaved rounds); absolute times are printed only as context.
//
//  - speed: old / new on the lexicon the old finder shipped with, and on today's (grown) lexicon;
//  - agreement: on the old lexicon, the canonicals each finder returns for every text must be equal;
//    every difference is printed so it can be judged a fix or a regression.
//
// The old finder and old lexicon are read from git (`git show`, read-only) at BASELINE, the last
// commit with the regex finder; override with BASELINE=<ref>. Both finders are bundled with the
// esbuild that wrangler installs. The corpus is scripts/demo-pool.mjs (faker-based, seeded) plus one
// faker sentence per profile carrying lexicon surface forms and English-word traps ("go to", "excel at").
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BASELINE = process.env.BASELINE ?? "5e6b38114c1862b5abdeda055415c4d9c0beef68";
const PROFILES = 2000;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const ADVERSARIAL = 5000;

const tmp = mkdtempSync(path.join(os.tmpdir(), "skills-finder-bench-"));
try {
  const show = (file) => execFileSync("git", ["-C", root, "show", `${BASELINE}:${file}`], { encoding: "utf8" });
  writeFileSync(path.join(tmp, "old-find-skills.ts"), show("src/pipeline/skills/find-skills.ts"));
  writeFileSync(path.join(tmp, "old-lexicon.json"), show("src/pipeline/skills/lexicon.json"));
  const src = (p) => JSON.stringify(path.join(root, "src/pipeline/skills", p));
  writeFileSync(
    path.join(tmp, "entry.ts"),
    `export { createSkillFinder as createOldFinder } from "./old-find-skills";
     export { createSkillFinder as createNewFinder } from ${src("find-skills")};
     export { looseSkillKey } from ${src("lexicon")};
     export { default as oldLexicon } from "./old-lexicon.json";
     export { default as newLexicon } from ${src("lexicon.json")};`,
  );
  execFileSync(
    path.join(root, "node_modules/.bin/esbuild"),
    [path.join(tmp, "entry.ts"), "--bundle", "--platform=node", "--format=esm", `--outfile=${path.join(tmp, "bundle.mjs")}`, "--log-level=warning"],
    { stdio: "inherit" },
  );
  const lib = await import(pathToFileURL(path.join(tmp, "bundle.mjs")).href);
  await run(lib);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

async function run({ createOldFinder, createNewFinder, looseSkillKey, oldLexicon, newLexicon }) {
  const { generateDemoPool } = await import(pathToFileURL(path.join(root, "scripts/demo-pool.mjs")).href);
  const { Faker, en } = await import("@faker-js/faker");

  const formsOf = (lexicon) => {
    const ambiguous = new Set(lexicon.skills.flatMap((e) => (e.ambiguous ?? []).map(looseSkillKey)));
    return lexicon.skills.flatMap((e) =>
      [e.name, ...e.aliases].map((surface) => ({ surface, canonical: e.name, ambiguous: ambiguous.has(looseSkillKey(surface)) })),
    );
  };
  const oldForms = formsOf(oldLexicon);
  const newForms = formsOf(newLexicon);

  const texts = corpus(generateDemoPool({ count: PROFILES, seed: 42 }), new Faker({ locale: [en], seed: 7 }), newForms);
  const chars = texts.reduce((n, t) => n + t.length, 0);

  const build = (create, forms) => {
    const t0 = performance.now();
    const find = create === createOldFinder ? create(forms, looseSkillKey) : create(forms);
    find("warm up: Python, Go and C++"); // the old finder compiles its regex on first use
    return { find, buildMs: performance.now() - t0 };
  };
  const finders = {
    "old finder, old lexicon": build(createOldFinder, oldForms),
    "new finder, old lexicon": build(createNewFinder, oldForms),
    "old finder, new lexicon": build(createOldFinder, newForms),
    "new finder, new lexicon": build(createNewFinder, newForms),
  };

  // Agreement first (also warms every finder up).
  const canonicals = (finder, text) =>
    finder === finders["old finder, old lexicon"] || finder === finders["old finder, new lexicon"]
      ? finder.find(text)
      : [...new Set(finder.find(text).map((m) => m.canonical))];
  const report = (a, b, texts) => {
    const diffs = [];
    texts.forEach((text, i) => {
      const x = canonicals(finders[a], text);
      const y = canonicals(finders[b], text);
      if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push({ i, only_old: x.filter((s) => !y.includes(s)), only_new: y.filter((s) => !x.includes(s)), order_only: x.length === y.length && x.every((s) => y.includes(s)) });
    });
    return diffs;
  };
  const same = report("old finder, old lexicon", "new finder, old lexicon", texts);
  const grown = report("old finder, new lexicon", "new finder, new lexicon", texts);
  const traps = adversarial(new Faker({ locale: [en], seed: 11 }), oldForms);
  const trapDiffs = report("old finder, old lexicon", "new finder, old lexicon", traps);

  // Speed: interleaved rounds, median per finder.
  const times = Object.fromEntries(Object.keys(finders).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, f] of Object.entries(finders)) {
      const t0 = performance.now();
      for (const text of texts) f.find(text);
      times[name].push(performance.now() - t0);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const ratio = (a, b) => (ms[a] / ms[b]).toFixed(1);

  console.log(`corpus: ${texts.length} texts, ${(chars / texts.length).toFixed(0)} chars each on average; ${ROUNDS} interleaved rounds`);
  console.log(`lexicon: old ${oldLexicon.skills.length} skills / ${oldForms.length} surface forms; new ${newLexicon.skills.length} / ${newForms.length}`);
  console.log("");
  console.log(`speed, old lexicon   old / new finder: ${ratio("old finder, old lexicon", "new finder, old lexicon")}×`);
  console.log(`speed, new lexicon   old / new finder: ${ratio("old finder, new lexicon", "new finder, new lexicon")}×  (target ≥ 10)`);
  console.log(`old finder           new / old lexicon: ${ratio("old finder, new lexicon", "old finder, old lexicon")}×`);
  console.log(`new finder           new / old lexicon: ${ratio("new finder, new lexicon", "new finder, old lexicon")}×`);
  console.log("");
  console.log(`agreement on the old lexicon: ${texts.length - same.length}/${texts.length} texts identical ${same.length === 0 ? "PASS" : "DIFF"} (${texts.filter((t) => finders["old finder, old lexicon"].find(t).length > 0).length} with a skill found)`);
  for (const d of same.slice(0, 20)) console.log(`  #${d.i}`, JSON.stringify(d), JSON.stringify(texts[d.i].slice(0, 300)));
  console.log(`agreement on ${traps.length} adversarial texts, old lexicon: ${traps.length - trapDiffs.length}/${traps.length} identical ${trapDiffs.length === 0 ? "PASS" : "DIFF"} (${traps.filter((t) => finders["old finder, old lexicon"].find(t).length > 0).length} with a skill found)`);
  for (const d of trapDiffs.slice(0, 20)) console.log(`  #${d.i}`, JSON.stringify(d), JSON.stringify(traps[d.i]));
  console.log(`agreement on the new lexicon (context): ${texts.length - grown.length}/${texts.length} texts identical`);
  for (const d of grown.slice(0, 10)) console.log(`  #${d.i}`, JSON.stringify(d));
  console.log("");
  console.log("context (absolute, noisy):");
  for (const [name, f] of Object.entries(finders)) {
    console.log(`  ${name.padEnd(24)} ${(1000 * ms[name] / texts.length).toFixed(1).padStart(7)} µs/text  build+first call ${f.buildMs.toFixed(0)} ms`);
  }
}

/**
 * Surface forms glued by the characters the boundary rules are about (".", "+", "#", "&", "/", "-",
 * "_", "'"), in mixed case, beside English-word traps: where a token walk and a regex could disagree.
 */
function adversarial(faker, forms) {
  const surfaces = forms.map((f) => f.surface);
  const glue = [" ", " ", ", ", ". ", "/", "-", "+", "#", "&", ".", "_", "'", " - ", " & ", " and ", "\n• ", ": ", "(", ") ", "--", "  "];
  const words = ["go", "to", "excel", "at", "Go", "R", "C", "js", "foo", "Node", "node", "the", "Languages:", "Skills -", "in", "with", "Rust", "and", "or", "e.g.", "D", "suite", "end", "front", "back", "net", "sharp", "plus"];
  const piece = () => {
    const s = faker.helpers.arrayElement(faker.datatype.boolean({ probability: 0.6 }) ? surfaces : words);
    return faker.helpers.arrayElement([s, s, s.toUpperCase(), s[0].toUpperCase() + s.slice(1), s.replace(/[ -]/gu, faker.helpers.arrayElement(["", " ", "-", "  ", "_"]))]);
  };
  return Array.from({ length: ADVERSARIAL }, () =>
    Array.from({ length: faker.number.int({ min: 1, max: 12 }) }, () => piece() + faker.helpers.arrayElement(glue)).join(""),
  );
}

/** One text per profile: headline, summary, every role, and a faker sentence with skills and traps. */
function corpus(profiles, faker, forms) {
  const surfaces = forms.map((f) => f.surface);
  const styled = (s) => faker.helpers.arrayElement([s, s, s.toUpperCase(), s.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase())]);
  const traps = [
    () => `You will go above and beyond and excel at ${faker.company.buzzNoun()}.`,
    () => `Swift response to ${faker.company.buzzNoun()}; go to market with ${faker.company.name()}.`,
    () => `Partner with R&D and the C-suite to ${faker.company.buzzVerb()} ${faker.company.buzzNoun()}.`,
    () => `Built with ${styled(faker.helpers.arrayElement(surfaces))}, ${styled(faker.helpers.arrayElement(surfaces))} and foo.js.`,
    () => `Skills: ${faker.helpers.arrayElements(surfaces, { min: 2, max: 6 }).map(styled).join(", ")}`,
    () => `${faker.person.jobTitle()} with ${faker.number.int({ min: 2, max: 15 })} years in ${styled(faker.helpers.arrayElement(surfaces))}; ${faker.lorem.sentence()}`,
  ];
  return profiles.map((p) =>
    [
      p.headline,
      p.summary,
      ...p.experience.map((role) => `${role.title} at ${role.company}. ${role.description ?? ""}`),
      faker.helpers.arrayElement(traps)(),
    ].join("\n"),
  );
}
