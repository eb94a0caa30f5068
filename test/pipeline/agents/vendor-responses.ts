// Vendor responses as their API references document them, for stubs at the `fetch` boundary (and the
// Workers AI binding, which is not HTTP). Shapes follow: OpenAI "The chat completion object" (with
// Structured Outputs, the JSON arrives as `message.content`); Anthropic Messages "Response" with a
// `tool_use` content block; Workers AI JSON Mode (`{ response, usage }`). Builders take the part a
// test varies; every other field is as documented.

export type Usage = { input: number; output: number };

export function chatCompletion(content: string, usage: Usage = { input: 812, output: 301 }, finishReason = "stop") {
  return {
    id: "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
    object: "chat.completion",
    created: 1741570283,
    model: "gpt-4.1-mini-2025-04-14",
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null, annotations: [] }, logprobs: null, finish_reason: finishReason }],
    usage: {
      prompt_tokens: usage.input,
      completion_tokens: usage.output,
      total_tokens: usage.input + usage.output,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: "default",
    system_fingerprint: "fp_6f2eabb9a5",
  };
}

export function chatRefusal(refusal: string) {
  const body = chatCompletion("", { input: 790, output: 12 });
  body.choices[0].message = { role: "assistant", content: null as unknown as string, refusal: refusal as unknown as null, annotations: [] };
  return body;
}

/** OpenAI's error object (429 rate_limit_exceeded, 401 invalid_api_key, …). */
export function openAiError(message: string, code: string, type = "requests") {
  return { error: { message, type, param: null, code } };
}

export function anthropicToolUse(name: string, input: unknown, usage: Usage = { input: 1024, output: 356 }) {
  return {
    id: "msg_01Aq9w938a90dw8q",
    type: "message",
    role: "assistant",
    model: "claude-haiku-4-5-20251001",
    content: [{ type: "tool_use", id: "toolu_01A09q90qw90lq917835lq9", name, input }],
    stop_reason: "tool_use",
    stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: usage.output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

/** Anthropic's error shape: `{ type: "error", error: { type, message } }` (rate_limit_error, overloaded_error, …). */
export function anthropicError(type: string, message: string) {
  return { type: "error", error: { type, message }, request_id: "req_011CSHoEeqs5C35K2UUqR7Fy" };
}

export function workersAiResult(response: unknown, usage: Usage = { input: 930, output: 280 }) {
  return { response, usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } };
}

/** A good ICP answer for test/helpers.ts `validJob` (Senior Backend Engineer, San Francisco, Node.js + PostgreSQL, Kubernetes a plus). */
export const backendIcpAnswer = {
  titles: ["Senior Backend Engineer", "Senior Software Engineer, Backend", "Backend Developer"],
  occupation: "Backend Engineer",
  seniority: "senior",
  seniorityRange: { min: "senior", max: "lead" },
  minYearsExperience: 5,
  mustHaveSkills: ["Node.js", "PostgreSQL"],
  mustHaveAlternatives: [],
  niceToHaveSkills: ["Kubernetes", "Kafka"],
  negativeKeywords: [],
  locationPolicy: { mode: "onsite", places: [{ name: "San Francisco, CA", radiusKm: null }], remoteCountries: [], remoteRegions: [] },
};
