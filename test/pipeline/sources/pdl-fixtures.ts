// People Data Labs at the fetch boundary, with bodies shaped like its documented responses
// (Person Search / Person Enrichment output, Errors & Status Codes, Usage Limits headers). Records
// follow the Person Schema, trimmed to the fields that matter here plus a few we ignore.
import { vi } from "vitest";
import type { PdlConfig } from "../../../src/config";

export const PDL_BASE = "https://pdl.test";
export const pdlConfig: PdlConfig = { apiKey: "pdl-test-key", baseUrl: PDL_BASE, searchSize: 20, minLikelihood: 6 };

type Overrides = Record<string, unknown>;

/** A person record in PDL's shape: lower-case values, nulls for unknown fields, scheme-less LinkedIn URL. */
export function pdlPerson(id: string, o: Overrides = {}): Record<string, unknown> {
  return {
    id,
    full_name: "Ada Lovelace",
    first_name: "Ada",
    last_name: "Lovelace",
    sex: null,
    birth_year: null,
    linkedin_url: `linkedin.com/in/${id.toLowerCase()}`,
    linkedin_username: id.toLowerCase(),
    headline: null,
    industry: "computer software",
    job_title: "Senior Backend Engineer",
    job_title_role: "engineering",
    job_title_levels: ["senior"],
    job_company_name: "Stripe",
    job_start_date: "2021-02",
    location_name: "San Francisco, California, United States",
    location_locality: "San Francisco",
    location_region: "California",
    location_country: "United States",
    location_geo: "37.77,-122.41",
    work_email: null,
    personal_emails: [],
    emails: [{ address: `${id.toLowerCase()}@example.com`, type: "professional" }],
    skills: ["node.js", "postgresql", "kubernetes", "typescript"],
    experience: [
      {
        company: { name: "Stripe", size: "1001-5000", id: "stripe", website: "stripe.com" },
        start_date: "2021-02",
        end_date: null,
        title: { name: "Senior Backend Engineer", role: "engineering", sub_role: "software", levels: ["senior"] },
        is_primary: true,
        summary: "Builds payment APIs in Node.js on PostgreSQL, deployed on Kubernetes.",
      },
      {
        company: { name: "Heroku", size: "501-1000" },
        start_date: "2016-06",
        end_date: "2021-01",
        title: { name: "Backend Engineer", role: "engineering", sub_role: null, levels: [] },
        is_primary: false,
        summary: null,
      },
    ],
    education: [{ school: { name: "University of London", type: "post-secondary institution" }, degrees: ["bachelors"], majors: ["mathematics"], start_date: "2010", end_date: "2014" }],
    inferred_years_experience: 9,
    ...o,
  };
}

/** Person Search's 200: `{ status, data, scroll_token, total }`, with the usage headers PDL sends. */
export function searchAnswer(records: unknown[], total = records.length): Response {
  return new Response(JSON.stringify({ status: 200, data: records, scroll_token: records.length ? "1117$12.176522" : null, total }), {
    status: 200,
    headers: {
      "content-type": "application/json",
      "x-call-credits-spent": String(records.length),
      "x-call-credits-type": "search",
      "x-ratelimit-reset": new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      "x-totallimit-remaining": "1342",
    },
  });
}

/** Person Enrichment's 200: `{ status, likelihood, data }`. */
export function enrichAnswer(record: unknown, likelihood = 9): Response {
  return new Response(JSON.stringify({ status: 200, likelihood, data: record }), {
    status: 200,
    headers: { "content-type": "application/json", "x-call-credits-spent": "1", "x-call-credits-type": "enrich" },
  });
}

/** Any PDL error: `{ status, error: { type, message } }`. */
export function pdlError(status: number, type: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, error: { type, message } }), { status, headers: { "content-type": "application/json", ...headers } });
}

export const notFound = () => pdlError(404, "not_found", "No records were found matching your request");
export const outOfCredits = () => pdlError(402, "payment_required", "You have hit your account maximum for search (all matches used)");
export const rateLimited = (retryAfterS: number) => pdlError(429, "rate_limit_error", "An error occurred due to requests hitting the API too quick", { "retry-after": String(retryAfterS) });
export const serverError = () => pdlError(500, "unknown_error", "Something went wrong");

export type PdlRequest = { method: string; url: URL; headers: Headers; body: unknown };

/**
 * Answer PDL's requests with `answer` (called per request, so each Response is built inside the
 * request, as workerd requires); every other request (the test DNS resolver) passes through.
 */
export function stubPdl(answer: (req: PdlRequest, n: number) => Response | Promise<Response>) {
  const passOn = globalThis.fetch;
  const requests: PdlRequest[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== PDL_BASE) return passOn(input, init);
    const text = request.method === "POST" ? await request.text() : "";
    const req = { method: request.method, url, headers: request.headers, body: text ? JSON.parse(text) : null };
    requests.push(req);
    if (request.signal.aborted) throw new DOMException("aborted", "AbortError");
    return answer(req, requests.length);
  });
  return { requests, spy };
}

/** An answer that only comes after `ms` (or never, when aborted first). */
export function slowly(ms: number, answer: () => Response): Promise<Response> {
  return new Promise((resolve) => setTimeout(() => resolve(answer()), ms));
}
