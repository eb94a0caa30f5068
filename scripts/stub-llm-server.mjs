#!/usr/bin/env node
// A stand-in for an OpenAI-compatible chat-completions server (POST /v1/chat/completions), for checking
// the language-model path by hand without a model: `npm run dev -- --var LLM_PROVIDER:openai
// --var LLM_BASE_URL:http://127.0.0.1:PORT/v1 --var LLM_API_KEY:x --var LLM_MODEL:m` against it.
//
//   node scripts/stub-llm-server.mjs [--port 8911] [--mode good|garbage|hang] [--log requests.ndjson]
//
// Modes (switch while it runs: `curl -X POST 'http://127.0.0.1:PORT/__mode?m=garbage'`):
//   good     answers the ICP request (schema "ideal_candidate_profile") with an ICP read crudely from the
//            posting, and the re-ranking request ("candidate_reviews") with one real and one invented
//            quote per candidate (the invented ones must never reach the results)
//   garbage  answers 200 with content that is not JSON
//   hang     accepts the request and never answers
// `usage` in its answers is its own estimate (4 characters a token); --log keeps every request body,
// one JSON a line, for counting real tokens with a tokenizer.
import { appendFileSync } from "node:fs";
import { createServer } from "node:http";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg("port", "8911"));
const logFile = arg("log", null);
let mode = arg("mode", "good");

const SKILLS = ["Node.js", "PostgreSQL", "Kubernetes", "Go", "Python", "TypeScript", "React", "AWS", "Kafka", "Terraform", "Java", "SQL", "Docker"];
const LEVELS = ["intern", "junior", "mid", "senior", "lead", "principal", "executive"];

function icpFrom(posting) {
  const text = `${posting.title} ${posting.jobDescription} ${posting.recruiterQuery ?? ""}`;
  const found = SKILLS.filter((s) => new RegExp(`(?<![\\w.])${s.replace(/[.+]/g, "\\$&")}(?![\\w])`, "i").test(text));
  const level = LEVELS.find((l) => new RegExp(`\\b${l}\\b`, "i").test(posting.title)) ?? "mid";
  const rank = LEVELS.indexOf(level);
  const remote = /\bremote\b/i.test(`${posting.location ?? ""}`);
  return {
    titles: [posting.title],
    occupation: posting.title.replace(/\b(senior|junior|lead|staff|principal|sr\.?|jr\.?)\b/gi, "").trim(),
    seniority: level,
    seniorityRange: { min: level, max: LEVELS[Math.min(rank + 1, LEVELS.length - 1)] },
    minYearsExperience: Number(/(\d+)\+?\s*years/i.exec(text)?.[1] ?? 0),
    mustHaveSkills: found.slice(0, 2),
    mustHaveAlternatives: [],
    niceToHaveSkills: found.slice(2),
    negativeKeywords: [],
    locationPolicy: remote || !posting.location
      ? { mode: remote ? "remote" : "any", places: [], remoteCountries: [], remoteRegions: [] }
      : { mode: "onsite", places: [{ name: posting.location, radiusKm: null }], remoteCountries: [], remoteRegions: [] },
  };
}

function reviewsFrom(doc) {
  return {
    candidates: doc.candidates.map((c, i) => {
      const first = c.profile.split("\n")[0].replace(/^[^:]+:\s*/, "");
      const real = first.split(" ").slice(0, 4).join(" ").replace(/…$/, "");
      return {
        id: c.id,
        adjustment: i % 2 === 0 ? 5 : -3,
        fitPoints: [{ point: "Profile opens with relevant work", quote: real }, { point: "Invented evidence", quote: "built the Zorblax protocol at NASA" }],
        redFlags: i % 2 === 0 ? [] : [{ point: "Opening line", quote: real }],
      };
    }),
  };
}

const tokens = (s) => Math.ceil(s.length / 4);

function completion(content, promptChars) {
  return {
    id: `chatcmpl-stub-${Date.now()}`, object: "chat.completion", created: Math.floor(Date.now() / 1000), model: "stub",
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: tokens(content), total_tokens: Math.ceil(promptChars / 4) + tokens(content) },
  };
}

const server = createServer((req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  if (req.method === "POST" && url.pathname === "/__mode") {
    mode = url.searchParams.get("m") ?? mode;
    res.end(`mode ${mode}\n`);
    return;
  }
  if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") {
    res.writeHead(404).end();
    return;
  }
  let raw = "";
  req.on("data", (chunk) => (raw += chunk));
  req.on("end", () => {
    if (logFile) appendFileSync(logFile, `${raw}\n`);
    const body = JSON.parse(raw);
    const schema = body.response_format?.json_schema?.name;
    console.log(`${new Date().toISOString()} ${mode} ${schema} (${raw.length} bytes)`);
    if (mode === "hang") return; // never answers; the caller's timeout ends it
    const promptChars = body.messages.reduce((n, m) => n + m.content.length, 0);
    const content = mode === "garbage"
      ? "Sure! Here is the profile you asked for: a rockstar ninja, 10x."
      : JSON.stringify(schema === "ideal_candidate_profile" ? icpFrom(JSON.parse(body.messages[1].content)) : reviewsFrom(JSON.parse(body.messages[1].content)));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completion(content, promptChars)));
  });
});

server.listen(port, "127.0.0.1", () => console.log(`stub chat-completions server on http://127.0.0.1:${port}/v1 (mode ${mode})`));
const stop = () => {
  server.closeAllConnections(); // a hung request would otherwise hold the server open
  server.close(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
