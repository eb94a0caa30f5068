import { z } from "zod";
import type { JsonSchema } from "../../llm/model-call";
import { SENIORITY_SCALE } from "../../types";

/**
 * What the model is asked to return for a job: the contract's ICP in words — places by name, skills
 * and the occupation as a recruiter writes them — which normalise-icp.ts resolves against the geodata,
 * the skills lexicon and the occupation model. Coordinates, canonical ids and derived lists (location
 * variants, related skills) are never the model's to invent.
 *
 * Two descriptions of one shape: the JSON Schema the vendors enforce (OpenAI's strict mode: every
 * property required, no extra properties, null as a type) and the zod schema that checks what actually
 * came back (a local model may not enforce anything). test/pipeline/agents/icp-answer.test.ts keeps
 * them in step.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);

export const IcpAnswer = z.object({
  titles: z.array(Text(120)).min(1).max(20),
  occupation: Text(120),
  seniority: z.enum(SENIORITY_SCALE),
  seniorityRange: z.object({ min: z.enum(SENIORITY_SCALE), max: z.enum(SENIORITY_SCALE) }),
  minYearsExperience: z.number().int().min(0).max(50),
  mustHaveSkills: z.array(Text(100)).max(30),
  mustHaveAlternatives: z.array(z.array(Text(100)).min(2).max(6)).max(10),
  niceToHaveSkills: z.array(Text(100)).max(30),
  negativeKeywords: z.array(Text(60)).max(10),
  locationPolicy: z.object({
    mode: z.enum(["onsite", "hybrid", "remote", "any"]),
    places: z.array(z.object({ name: Text(200), radiusKm: z.number().positive().max(1000).nullable() })).max(10),
    remoteCountries: z.array(z.string().trim().regex(/^[A-Za-z]{2}$/u, "an ISO 3166-1 alpha-2 code")).max(60),
    remoteRegions: z.array(Text(100)).max(20),
  }),
});
export type IcpAnswer = z.infer<typeof IcpAnswer>;

const strings = (description: string): JsonSchema => ({ type: "array", items: { type: "string" }, description });
const level: JsonSchema = { type: "string", enum: [...SENIORITY_SCALE] };
const closed = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

export const ICP_ANSWER_JSON_SCHEMA: JsonSchema = closed({
  titles: strings("The job's own title first, then other titles the same people hold (synonyms), lower case"),
  occupation: { type: "string", description: "The occupation as a plain job title without level words, e.g. \"Backend Engineer\", \"ICU Nurse\"" },
  seniority: { ...level, description: "The level the job is written for" },
  seniorityRange: closed({ min: level, max: level }, "The levels the job accepts, lowest and highest"),
  minYearsExperience: { type: "integer", description: "Years of relevant experience the job requires; 0 when it states none" },
  mustHaveSkills: strings("Skills the job requires, each as commonly written (\"PostgreSQL\", \"Node.js\", \"BLS\")"),
  mustHaveAlternatives: {
    type: "array",
    items: { type: "array", items: { type: "string" } },
    description: "Groups of must-have skills of which any one will do (\"Go or Node.js\"); each member also in mustHaveSkills",
  },
  niceToHaveSkills: strings("Skills the job prefers but does not require"),
  negativeKeywords: strings("Words the job explicitly excludes (\"agencies\", \"recruiters\"); never seniority words"),
  locationPolicy: closed({
    mode: { type: "string", enum: ["onsite", "hybrid", "remote", "any"], description: "\"any\" when the job names no place and no remote rule" },
    places: {
      type: "array",
      items: closed({
        name: { type: "string", description: "A city as \"City, Region\" or \"City, Country\"" },
        radiusKm: { type: ["number", "null"], description: "Commuting radius the job states, in km; null when it states none" },
      }),
      description: "Offices people work from (onsite/hybrid), or offices next to remote work",
    },
    remoteCountries: strings("ISO 3166-1 alpha-2 codes of the countries remote people must live in; empty = anywhere"),
    remoteRegions: strings("Areas remote people must live in, as named (\"EMEA\", \"Europe\", \"California\")"),
  }),
});
