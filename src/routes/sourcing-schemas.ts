import { z } from "@hono/zod-openapi";
import { ICP_SOURCES } from "../pipeline/types";

const ExcludeSchema = z
  .object({
    profileIds: z.array(z.string().min(1).max(200)).optional(),
    emails: z.array(z.string().min(1).max(320)).optional(),
    linkedinUrls: z.array(z.string().min(1).max(500)).optional(),
  })
  .refine((e) => (e.profileIds?.length ?? 0) + (e.emails?.length ?? 0) + (e.linkedinUrls?.length ?? 0) <= 1000, {
    message: "exclude may hold at most 1,000 entries in all",
  })
  .openapi("Exclude", { description: "People who must never appear in results, nor be billed." });
export type Exclude = z.infer<typeof ExcludeSchema>;

export const SourcingRequestSchema = z
  .object({
    title: z.string().min(1).max(200).openapi({ example: "Senior Backend Engineers – FinTech" }),
    jobDescription: z.string().min(1).max(10_000).openapi({ example: "We are looking for a Senior Backend Engineer with 5+ years of Node.js experience…" }),
    location: z.string().max(200).optional().openapi({ example: "San Francisco, CA" }),
    query: z.string().max(500).optional().openapi({ description: "Overrides the free-text search query the agent would derive." }),
    searchQuery: z.string().max(500).optional().openapi({ description: "Alias of `query`." }),
    limit: z.number().int().min(1).max(100).default(20),
    webhookId: z.uuid().optional().openapi({ example: "123e4567-e89b-12d3-a456-426614174000" }),
    exclude: ExcludeSchema.optional(),
  })
  .openapi("SourcingRequest");
export type SourcingRequest = z.infer<typeof SourcingRequestSchema>;

export const SourcingAcceptedSchema = z
  .object({
    success: z.literal(true),
    requestId: z.string().openapi({ example: "req_550e8400-e29b-41d4-a716-446655440000" }),
    status: z.literal("processing"),
    message: z.string(),
    webhookId: z.string().nullable(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .openapi("SourcingAccepted");

export const RefineRequestSchema = z
  .object({
    query: z.string().min(1).max(500).optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .refine((b) => b.query !== undefined || b.limit !== undefined, { message: "Give `query`, `limit` or both" })
  .openapi("RefineRequest");

const ScoreBreakdownSchema = z.object({
  skills: z.number().int(), title: z.number().int(), seniority: z.number().int(), experience: z.number().int(), location: z.number().int(),
});

export const CandidateSchema = z
  .object({
    profileId: z.string(),
    name: z.string(),
    linkedinUrl: z.string().nullable(),
    matchScore: z.number().int().min(0).max(100),
    rationale: z.string(),
    skills: z.array(z.string()),
    headline: z.string().nullable(),
    location: z.string().nullable(),
    currentCompany: z.string().nullable(),
    currentRole: z.string().nullable(),
    aiFitPoints: z.array(z.string()),
    aiRedFlags: z.array(z.string()),
    aiDetailedRationale: z.array(z.object({ title: z.string(), company: z.string(), duration: z.string(), relevanceExplanation: z.string() })),
    detailedExperience: z.array(z.object({ role: z.string(), company: z.string(), duration: z.string(), highlights: z.array(z.string()) })),
    emails: z.array(z.string()),
    scoreBreakdown: ScoreBreakdownSchema,
  })
  .openapi("Candidate");

export const IcpSchema = z
  .object({
    source: z.enum(ICP_SOURCES).openapi({ description: '"rules" (the embedded agent) or the LLM provider (LLM_PROVIDER) whose answer it is; the rules answer whenever the model fails' }),
    titles: z.array(z.string()),
    occupation: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: "The occupation the job is for, when the occupation model knows it (extension)" }),
    seniority: z.string(),
    seniorityRange: z.object({ min: z.string(), max: z.string() }).openapi({ description: "Levels of the seniority scale the job accepts" }),
    minYearsExperience: z.number().int(),
    mustHaveSkills: z.array(z.string()),
    mustHaveAlternatives: z.array(z.array(z.string())).openapi({ description: "Groups of must-haves of which any one will do (\"Go or Node.js\"); extension" }),
    niceToHaveSkills: z.array(z.string()),
    locations: z.array(z.string()),
    locationPolicy: z
      .object({
        mode: z.enum(["onsite", "hybrid", "remote", "any"]),
        places: z.array(z.object({ name: z.string(), country: z.string().nullable(), lat: z.number(), lon: z.number(), radiusKm: z.number() })),
        remoteCountries: z.array(z.string()).openapi({ description: "ISO 3166-1 alpha-2" }),
        remoteRegions: z.array(z.string()),
      })
      .openapi({ description: "Where the job can be done; a candidate outside it ranks below every candidate inside it" }),
    negativeKeywords: z.array(z.string()),
    excludedOccupations: z.array(z.object({ id: z.string(), name: z.string() })).openapi({
      description: "Occupations the posting rules out by name (\"legal secretaries … will not be considered\"); a candidate in one fails the occupation gate. Extension",
    }),
  })
  .openapi("Icp");

/** A request's calls to one vendor operation and the records it bought (what the vendor bills). */
export const VendorUsageSchema = z
  .object({
    vendor: z.string().openapi({ example: "pdl" }),
    operation: z.enum(["search", "enrich"]),
    calls: z.number().int().openapi({ description: "HTTP calls made, retries and failed calls included" }),
    failedCalls: z.number().int(),
    records: z.number().int().openapi({ description: "Records bought: search records returned, enrichments matched (1 vendor credit each)" }),
  })
  .openapi("VendorUsage");

/** What a run spent on the language model (LLM_PROVIDER), across its rounds: src/pipeline/llm/run-usage.ts. */
export const LlmUsageSchema = z
  .object({
    provider: z.string().openapi({ example: "openai" }),
    model: z.string().openapi({ example: "gpt-4.1-mini" }),
    maxTokensPerRun: z.number().int().openapi({ description: "LLM_MAX_TOKENS_PER_RUN when the run started: no call is made that would not fit under it" }),
    inputTokens: z.number().int().openapi({ description: "Prompt tokens, as the vendor counted them" }),
    outputTokens: z.number().int(),
    totalTokens: z.number().int(),
    calls: z
      .array(
        z.object({
          step: z.enum(["icp", "rerank"]),
          round: z.number().int(),
          outcome: z.string().openapi({ description: '"answered", or why the rules stood instead: rate_limited, http_error, timeout, malformed, truncated, refused, invalid, over_budget, not_configured' }),
          inputTokens: z.number().int(),
          outputTokens: z.number().int(),
        }),
      )
      .openapi({ description: "The latest model calls (at most 20); the totals count every call" }),
  })
  .openapi("LlmUsage");

const ProgressSchema = z.object({ stage: z.string(), batchesTotal: z.number().int(), batchesDone: z.number().int() });

export const ResultsProcessingSchema = z
  .object({
    success: z.literal(true),
    requestId: z.string(),
    status: z.literal("processing"),
    createdAt: z.string(),
    candidatesSourcedCount: z.number().int(),
    message: z.string(),
    progress: ProgressSchema,
  })
  .openapi("ResultsProcessing");

export const ResultsDoneSchema = z
  .object({
    success: z.literal(true),
    requestId: z.string(),
    status: z.enum(["completed", "failed"]),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    foundCount: z.number().int(),
    scoredCount: z.number().int(),
    candidates: z.array(CandidateSchema),
    icp: IcpSchema.nullable().optional(),
    errorCode: z.string().optional(),
    errorMessage: z.string().optional(),
  })
  .openapi("SourcingResults");

export const RunSchema = z
  .object({
    success: z.literal(true),
    requestId: z.string(),
    status: z.enum(["processing", "completed", "failed"]),
    stage: z.string(),
    title: z.string(),
    webhookId: z.string().nullable(),
    round: z.number().int(),
    progress: ProgressSchema,
    foundCount: z.number().int(),
    scoredCount: z.number().int(),
    icp: IcpSchema.nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.string().nullable(),
    vendorUsage: z.array(VendorUsageSchema).openapi({ description: "What the run cost at people-data vendors, across its rounds (extension); empty when it used none" }),
    llmUsage: LlmUsageSchema.nullable().openapi({ description: "Tokens the run spent on the language model, across its rounds (extension); null when no model is configured" }),
  })
  .openapi("SourcingRun");

export const RequestIdParam = z.object({
  requestId: z.string().min(1).max(100).openapi({ param: { name: "requestId", in: "path" }, example: "req_550e8400-e29b-41d4-a716-446655440000" }),
});
