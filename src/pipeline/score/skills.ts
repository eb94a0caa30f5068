import type { Icp } from "../types";
import { canonicalSkill, relatedSkills, skillAliases } from "../skills/lexicon";
import { clampScore, type Assessment } from "./assessment";
import type { Passage } from "./passages";
import { plain, quotable, quoteExcerpt } from "./quotes";
import { listPhrase, unique } from "./text";

// Share of the skills score carried by must-haves when the ICP also lists nice-to-haves.
const MUST_HAVE_SHARE = 0.75;
// A related skill (PostgreSQL for MySQL) shows transferable ability, not the skill itself.
const RELATED_SKILL_CREDIT = 0.5;
// Nice-to-haves are often expanded with related skills; citing them all would drown the must-haves.
const MAX_NICE_TO_HAVE_POINTS = 3;

type SkillFinding = { skill: string; citation: string | null; via?: string };

export function assessSkills(icp: Icp, listedSkills: readonly string[], passages: readonly Passage[]): Assessment {
  const mustHaves = unique(icp.mustHaveSkills);
  const niceToHaves = unique(icp.niceToHaveSkills).filter((skill) => !mustHaves.includes(skill));
  const cite = (skill: string) => citeSkill(skill, listedSkills, passages);

  const findings = (skills: string[]) =>
    skills.map((skill): SkillFinding => {
      const citation = cite(skill);
      if (citation) return { skill, citation };
      for (const related of relatedSkills(skill)) {
        const relatedCitation = cite(related);
        if (relatedCitation) return { skill, citation: relatedCitation, via: related };
      }
      return { skill, citation: null };
    });
  const must = findings(mustHaves);
  const nice = findings(niceToHaves);

  const fitPoints: string[] = [];
  const redFlags: string[] = [];
  for (const f of must) {
    if (f.citation && !f.via) fitPoints.push(`${f.citation} (must-have ${plain(f.skill)})`);
    if (f.via) {
      fitPoints.push(`${f.citation} (${plain(f.via)}, related to must-have ${plain(f.skill)})`);
    }
    if (!f.citation || f.via) {
      redFlags.push(
        `No ${f.via ? "direct " : ""}evidence of must-have ${plain(f.skill)} in skills, headline, summary, experience or resume`,
      );
    }
  }
  for (const f of nice.filter((n) => n.citation && !n.via).slice(0, MAX_NICE_TO_HAVE_POINTS)) {
    fitPoints.push(`${f.citation} (nice-to-have ${plain(f.skill)})`);
  }

  const missing = must.filter((f) => !f.citation || f.via).map((f) => plain(f.skill));
  return {
    score: skillsScore(credits(must), credits(nice)),
    fitPoints,
    redFlags,
    gap: missing.length > 0 ? `no direct evidence of ${listPhrase(missing)}` : undefined,
  };
}

function credits(findings: readonly SkillFinding[]): number[] {
  return findings.map((f) => (f.citation === null ? 0 : f.via ? RELATED_SKILL_CREDIT : 1));
}

/** 0–100 from per-skill credits (0, 0.5 or 1); an ICP that names no skills cannot be missed. */
export function skillsScore(mustHaveCredits: readonly number[], niceToHaveCredits: readonly number[]): number {
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (mustHaveCredits.length === 0 && niceToHaveCredits.length === 0) return 100;
  if (niceToHaveCredits.length === 0) return clampScore(100 * mean(mustHaveCredits));
  if (mustHaveCredits.length === 0) return clampScore(100 * mean(niceToHaveCredits));
  return clampScore(100 * (MUST_HAVE_SHARE * mean(mustHaveCredits) + (1 - MUST_HAVE_SHARE) * mean(niceToHaveCredits)));
}

/** Where the profile shows a skill: its skills list first, then free text in reading order. */
function citeSkill(skill: string, listedSkills: readonly string[], passages: readonly Passage[]): string | null {
  for (const listed of listedSkills) {
    const canonical = canonicalSkill(listed) ?? listed.trim().toLowerCase();
    const quoted = quotable(listed);
    if (canonical === skill && quoted) return `Skills list includes "${quoted}"`;
  }
  const passage = passages.find((p) => p.skills.has(skill));
  if (!passage) return null;
  const needles = skillAliases(skill);
  return `${passage.where}: ${quoteExcerpt(passage.text, needles.length > 0 ? needles : [skill])}`;
}
