#!/usr/bin/env node
// A local stand-in for People Data Labs, for trying the `pdl` source without an account or network:
//   node scripts/stub-pdl-server.mjs [--port 9911] [--people 5] [--mode ok|404|402|429|500|slow|garbage]
//   npm run dev -- --port 8790 --var SOURCES:talent_pool,pdl --var PDL_BASE_URL:http://127.0.0.1:9911 --var PDL_API_KEY:x
// It speaks Person Search (POST /v5/person/search) and Person Enrichment (GET /v5/person/enrich) with
// the documented response shapes and headers, and makes up people who fit the query it is sent: the
// first job_title phrase, every skill term, the region and country (and locality) it asks for. Ids
// are stable per query, and ids in the query's `must_not` are left out, as PDL would.
// --mode answers every request with that failure instead (429 with Retry-After: 30; slow = 20 s).
import { createHash } from "node:crypto";
import { createServer } from "node:http";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const port = Number(arg("port", "9911"));
const people = Number(arg("people", "5"));
const mode = arg("mode", "ok");

const FIRST = ["Maya", "Jonas", "Priya", "Diego", "Amara", "Lukas", "Sofia", "Kenji", "Leila", "Tomás", "Nora", "Ravi"];
const LAST = ["Okafor", "Lindqvist", "Raman", "Castillo", "Haddad", "Brenner", "Moreau", "Tanaka", "Nowak", "Silva", "Kowalski", "Iyer"];
const COMPANIES = ["Northwind Labs", "Bluefin Systems", "Copperleaf", "Helix Cloud", "Quarry Data", "Lumen Works"];

const title = (s) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** Every clause of a kind anywhere in the query: [{ field: value }, …]. */
function clauses(node, kind, out = []) {
  if (Array.isArray(node)) node.forEach((n) => clauses(n, kind, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === kind) out.push(value);
      else clauses(value, kind, out);
    }
  }
  return out;
}
const firstOf = (list, field) => list.map((c) => c[field]).find((v) => v !== undefined);
const valueOf = (v) => (v && typeof v === "object" ? v.value : v);

function personFor(query, i) {
  const must = query?.bool?.must ?? [];
  const mustNot = query?.bool?.must_not ?? [];
  const jobTitle = title(firstOf(clauses(must, "match_phrase"), "job_title") ?? "software engineer");
  const terms = [...clauses(query, "term"), ...clauses(must, "terms").map((t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v[0]])))];
  const skills = clauses(query?.bool?.should ?? [], "term").map((t) => t.skills).filter(Boolean)
    .concat(clauses(must, "term").map((t) => t.skills).filter(Boolean));
  const country = firstOf(terms, "location_country") ?? "united states";
  const region = firstOf(terms, "location_region") ?? null;
  const locality = valueOf(firstOf(terms, "location_locality")) ?? null;
  const excluded = new Set(clauses(mustNot, "terms").flatMap((t) => t.id ?? []));
  const key = createHash("sha256").update(JSON.stringify(must)).digest("hex").slice(0, 10);
  const id = `stub${key}_${String(i).padStart(4, "0")}`;
  if (excluded.has(id)) return null;
  const [first, last] = [FIRST[i % FIRST.length], LAST[(i * 7) % LAST.length]];
  const company = COMPANIES[i % COMPANIES.length];
  const year = new Date().getUTCFullYear();
  const skillText = skills.length ? skills.join(", ") : "its core tools";
  return {
    id,
    full_name: `${first} ${last}`,
    first_name: first,
    last_name: last,
    linkedin_url: `linkedin.com/in/${first}-${last}-${id.slice(-8)}`.toLowerCase(),
    headline: null,
    job_title: jobTitle,
    job_title_levels: /senior|staff|lead|principal/i.test(jobTitle) ? ["senior"] : [],
    job_company_name: company,
    job_start_date: `${year - 3}-02`,
    location_name: [locality, region, country].filter(Boolean).map(title).join(", "),
    location_locality: locality ? title(locality) : null,
    location_region: region ? title(region) : null,
    location_country: title(country),
    work_email: `${first}.${last}@${company.toLowerCase().replace(/\W+/g, "")}.example`.toLowerCase(),
    personal_emails: [],
    emails: [{ address: `${first}.${last}.${id.slice(-4)}@mail.example`.toLowerCase(), type: "personal" }],
    skills,
    experience: [
      { company: { name: company }, title: { name: jobTitle, levels: [] }, start_date: `${year - 3}-02`, end_date: null, is_primary: true, summary: `Works daily with ${skillText}.` },
      { company: { name: COMPANIES[(i + 3) % COMPANIES.length] }, title: { name: jobTitle.replace(/^(Senior|Staff|Lead|Principal) /i, ""), levels: [] }, start_date: `${year - 8}-06`, end_date: `${year - 3}-01`, is_primary: false, summary: `Built production systems with ${skillText}.` },
    ],
    education: [{ school: { name: "State University" }, degrees: ["bachelors"], majors: ["computer science"], end_date: String(year - 9) }],
    inferred_years_experience: 8,
  };
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function failure(res) {
  const error = (status, type, message, headers) => send(res, status, { status, error: { type, message } }, headers);
  switch (mode) {
    case "404": return error(404, "not_found", "No records were found matching your request"), true;
    case "402": return error(402, "payment_required", "You have hit your account maximum"), true;
    case "429": return error(429, "rate_limit_error", "An error occurred due to requests hitting the API too quick", { "retry-after": "30" }), true;
    case "500": return error(500, "unknown_error", "Something went wrong"), true;
    case "garbage": return send(res, 200, '{"status": 200, "data": [{"id":'), true;
    default: return false;
  }
}

const server = createServer((req, res) => {
  let raw = "";
  req.on("data", (chunk) => (raw += chunk));
  req.on("end", () => {
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    console.log(`${new Date().toISOString()} ${req.method} ${url.pathname}${url.search} key=${req.headers["x-api-key"] ? "set" : "missing"}`);
    if (!req.headers["x-api-key"]) return send(res, 401, { status: 401, error: { type: "authentication_error", message: "Missing API key" } });
    const answer = () => {
      if (failure(res)) return;
      if (req.method === "POST" && url.pathname === "/v5/person/search") {
        let body;
        try {
          body = JSON.parse(raw);
        } catch {
          return send(res, 400, { status: 400, error: { type: "invalid_request_error", message: "Body is not JSON" } });
        }
        const size = Math.max(1, Math.min(Number(body.size) || 1, 100));
        const data = Array.from({ length: people }, (_, i) => personFor(body.query, i)).filter(Boolean).slice(0, size);
        if (data.length === 0) return send(res, 404, { status: 404, error: { type: "not_found", message: "No records were found matching your request" } });
        return send(res, 200, { status: 200, data, scroll_token: "1117$12.176522", total: data.length }, {
          "x-call-credits-spent": String(data.length), "x-call-credits-type": "search", "x-totallimit-remaining": "1000",
          "x-ratelimit-reset": new Date(Date.now() + 60_000).toISOString(),
        });
      }
      if (req.method === "GET" && url.pathname === "/v5/person/enrich") {
        const who = url.searchParams.get("profile") ?? url.searchParams.get("email") ?? url.searchParams.get("name") ?? "someone";
        const slug = createHash("sha256").update(who).digest("hex").slice(0, 8);
        const record = { ...personFor({}, 0), id: `stubenrich_${slug}`, emails: [{ address: `found.${slug}@mail.example`, type: "personal" }], work_email: `work.${slug}@company.example` };
        return send(res, 200, { status: 200, likelihood: 8, data: record }, { "x-call-credits-spent": "1", "x-call-credits-type": "enrich" });
      }
      send(res, 404, { status: 404, error: { type: "not_found", message: `No route ${req.method} ${url.pathname}` } });
    };
    if (mode === "slow") setTimeout(answer, 20_000);
    else answer();
  });
});

server.listen(port, "127.0.0.1", () => console.log(`stub People Data Labs on http://127.0.0.1:${port} (mode ${mode}, ${people} people a search)`));
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
