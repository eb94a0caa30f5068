import { z } from "zod";
import type { JsonSchema } from "../llm/model-call";

/**
 * What the re-ranking model returns per candidate: a score adjustment and the points it rests on,
 * each with a quote from the profile. Bounds are checked later, where they have a meaning (the
 * adjustment is clamped, a quote verified): here only the shape. As for the ICP answer, a JSON Schema
 * for the vendors (strict-mode subset) and a zod schema for what really came back.
 */

const Point = z.object({ point: z.string().trim().min(1).max(300), quote: z.string().max(1000) });

export const RerankAnswer = z.object({
  candidates: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(20),
        adjustment: z.number().finite(),
        fitPoints: z.array(Point).max(10),
        redFlags: z.array(Point).max(10),
      }),
    )
    .max(100),
});
export type RerankAnswer = z.infer<typeof RerankAnswer>;
export type RawReview = RerankAnswer["candidates"][number];

const point: JsonSchema = {
  type: "object",
  properties: {
    point: { type: "string", description: "One short sentence: what this shows about the fit" },
    quote: { type: "string", description: "Words copied exactly from this candidate's profile that show it" },
  },
  required: ["point", "quote"],
  additionalProperties: false,
};

export const RERANK_ANSWER_JSON_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    candidates: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string", description: "The candidate's id as given (\"c1\")" },
          adjustment: { type: "integer", description: "Points to add to (positive) or take from (negative) the candidate's score, -10 to 10" },
          fitPoints: { type: "array", items: point, description: "At most 3 strengths for this job" },
          redFlags: { type: "array", items: point, description: "At most 3 concerns for this job" },
        },
        required: ["id", "adjustment", "fitPoints", "redFlags"],
        additionalProperties: false,
      },
    },
  },
  required: ["candidates"],
  additionalProperties: false,
};
