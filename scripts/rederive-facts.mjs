#!/usr/bin/env node
// `npm run facts:rederive [-- --url http://127.0.0.1:8787]`: re-derive the talent pool's import-time facts
// after a lexicon or occupation change (a FACTS_VERSION bump). Calls POST /admin/facts/rederive until no
// profile is left on an older version. The operator token comes from ADMIN_TOKEN, else from .dev.vars.
// Against production: `ADMIN_TOKEN=… npm run facts:rederive -- --url https://your-worker.example`.
import { existsSync, readFileSync } from "node:fs";

const urlFlag = process.argv.indexOf("--url");
const base = (urlFlag >= 0 ? process.argv[urlFlag + 1] : "http://127.0.0.1:8787").replace(/\/+$/, "");
const devVars = existsSync(".dev.vars") ? readFileSync(".dev.vars", "utf8") : "";
const token = process.env.ADMIN_TOKEN ?? /^ADMIN_TOKEN=(.*)$/m.exec(devVars)?.[1]?.trim();
if (!token) {
  console.error("ADMIN_TOKEN is not set (and .dev.vars has none)");
  process.exit(2);
}

let total = 0;
for (;;) {
  const res = await fetch(`${base}/admin/facts/rederive`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ limit: 500 }),
  });
  if (!res.ok) {
    console.error(`POST /admin/facts/rederive → ${res.status}: ${await res.text()}`);
    process.exit(1);
  }
  const step = await res.json();
  total += step.updated;
  console.log(`facts v${step.factsVersion}: ${total} re-derived, ${step.remaining} to go`);
  if (step.remaining === 0 || step.updated === 0) break;
}
