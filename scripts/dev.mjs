#!/usr/bin/env node
// `npm run dev`: prepare local state and serve the Worker on http://127.0.0.1:8787 with demo data.
//  1. .dev.vars from .dev.vars.example when missing, plus a generated demo API key and
//     SECRETS_ENCRYPTION_KEY when it lacks them   2. D1 migrations (local)
//  3. demo company, API key, webhook config and credits (idempotent SQL)
//  4. wrangler dev (extra arguments pass through: `npm run dev -- --port 9000 --var NAME:VALUE`)
//  5. the generated demo talent pool imported through the real API, then a ready-to-paste curl.
// No prompts, no network.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, appendFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { generateDemoPool } from "./demo-pool.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const wrangler = path.join(root, "node_modules", ".bin", "wrangler");
const childEnv = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };

const DEMO = {
  companyId: "5c0f1a2e-0000-4000-8000-00000000de30",
  keyId: "key_demo",
  webhookId: "5c0f1a2e-0000-4000-8000-00000000b00c",
  credits: 1000,
  poolSize: 5000,
};

const passthrough = process.argv.slice(2);
const portFlag = passthrough.findIndex((a) => a === "--port" || a.startsWith("--port="));
const port = portFlag < 0 ? 8787 : Number(passthrough[portFlag].includes("=") ? passthrough[portFlag].split("=")[1] : passthrough[portFlag + 1]);
const base = `http://127.0.0.1:${port}`;

function run(args, opts = {}) {
  const res = spawnSync(wrangler, args, { env: childEnv, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", ...opts });
  if (res.status !== 0) {
    process.stderr.write(res.stdout + res.stderr);
    throw new Error(`wrangler ${args.join(" ")} failed`);
  }
  return res.stdout;
}

function readDevVars() {
  if (!existsSync(".dev.vars")) {
    copyFileSync(".dev.vars.example", ".dev.vars");
    console.log("• created .dev.vars from .dev.vars.example");
  }
  return Object.fromEntries(
    readFileSync(".dev.vars", "utf8").split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1).trim()]),
  );
}

function demoKey(vars) {
  if (vars.DEMO_API_KEY) return vars.DEMO_API_KEY;
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const key = `sk_test_${Array.from({ length: 38 }, () => alphabet[randomInt(62)]).join("")}`;
  appendFileSync(".dev.vars", `\n# The demo company's API key, written by npm run dev (local only).\nDEMO_API_KEY=${key}\n`);
  return key;
}

// A fresh random key per checkout, never a fixed one: webhook secrets are sealed with it locally
// as in production. Changing it later makes the local rows sealed with the old one unreadable.
function ensureSecretsKey(vars) {
  if (vars.SECRETS_ENCRYPTION_KEY) return;
  const key = randomBytes(32).toString("base64");
  appendFileSync(".dev.vars", `\n# Seals webhook secrets at rest, written by npm run dev (local only).\nSECRETS_ENCRYPTION_KEY=${key}\n`);
  console.log("• generated SECRETS_ENCRYPTION_KEY in .dev.vars");
}

const sql = (v) => (v === null ? "NULL" : `'${String(v).replaceAll("'", "''")}'`);

function seedSql(key) {
  const now = new Date().toISOString();
  const hash = createHash("sha256").update(key).digest("hex");
  const scopes = JSON.stringify(["sourcing:read", "sourcing:write", "enrich:write", "webhooks:read", "webhooks:write", "billing:read", "candidates:read", "candidates:write"]);
  // Seeded plaintext on purpose: the Worker opens a value without the enc:v1: prefix as is, and a
  // rotate-secret on the demo webhook stores both secrets sealed from then on.
  const secret = `whsec_${Buffer.from(createHash("sha256").update(`demo-webhook:${key}`).digest()).toString("base64")}`;
  return `
INSERT OR IGNORE INTO companies (id, name, billing_mode, created_at) VALUES (${sql(DEMO.companyId)}, 'Demo Company', 'prepaid', ${sql(now)});
INSERT INTO api_keys (id, company_id, name, prefix, key_hash, scopes, environment, created_at)
  VALUES (${sql(DEMO.keyId)}, ${sql(DEMO.companyId)}, 'demo', ${sql(key.slice(0, 12))}, ${sql(hash)}, ${sql(scopes)}, 'test', ${sql(now)})
  ON CONFLICT (id) DO UPDATE SET key_hash = excluded.key_hash, prefix = excluded.prefix, revoked_at = NULL;
INSERT OR IGNORE INTO webhook_configs (id, company_id, url, name, description, events, signing_secret, created_at, updated_at)
  VALUES (${sql(DEMO.webhookId)}, ${sql(DEMO.companyId)}, 'https://webhook.example.com/scoutflare', 'Demo webhook',
          'Points nowhere reachable: replace the URL to receive events.', '["SOURCING_COMPLETED","SOURCING_FAILED","ENRICH_COMPLETED","ENRICH_FAILED","PING"]',
          ${sql(secret)}, ${sql(now)}, ${sql(now)});
INSERT OR IGNORE INTO credit_ledger (company_id, entry_type, amount, balance_delta, reserved_delta, idempotency_key, reason, created_at)
  VALUES (${sql(DEMO.companyId)}, 'topup', ${DEMO.credits}, ${DEMO.credits}, 0, 'seed:demo-credits', 'demo seed', ${sql(now)});
`;
}

async function waitForHealth(child) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error("wrangler dev exited");
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${base}/health did not answer within 60 s`);
}

async function importDemoPool(key) {
  const started = Date.now();
  const pool = generateDemoPool({ count: DEMO.poolSize, seed: 42 });
  let imported = 0;
  let updated = 0;
  for (let i = 0; i < pool.length; i += 1000) {
    const body = pool.slice(i, i + 1000).map((p) => JSON.stringify(p)).join("\n");
    const res = await fetch(`${base}/candidates/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/x-ndjson" },
      body,
    });
    if (!res.ok) throw new Error(`import failed: ${res.status} ${await res.text()}`);
    const r = await res.json();
    imported += r.imported;
    updated += r.updated;
  }
  console.log(`• demo talent pool: ${imported} new, ${updated} refreshed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main() {
  const vars = readDevVars();
  const key = demoKey(vars);
  ensureSecretsKey(vars);
  console.log("• applying D1 migrations (local)");
  run(["d1", "migrations", "apply", "DB", "--local"]);
  mkdirSync(".wrangler", { recursive: true });
  writeFileSync(".wrangler/seed.sql", seedSql(key));
  run(["d1", "execute", "DB", "--local", "--file", ".wrangler/seed.sql"]);
  console.log("• demo company, key, webhook config and credits seeded");

  // Local development may deliver webhooks to http://127.0.0.1 / localhost (off in wrangler.toml,
  // so off in production); a later `--var WEBHOOK_ALLOW_LOCALHOST:false` from the caller wins.
  // --local: the AI binding (wrangler.toml [ai]) is remote-only, and without --local wrangler dev
  // opens a remote session for it and refuses to start without a Cloudflare login; locally the binding
  // is absent instead (LLM_PROVIDER=workers-ai then falls back to the rules ICP).
  const args = ["dev", "--local", "--ip", "127.0.0.1", ...(portFlag < 0 ? ["--port", String(port)] : []), "--var", "WEBHOOK_ALLOW_LOCALHOST:true", ...passthrough];
  const child = spawn(wrangler, args, { env: childEnv, stdio: ["ignore", "inherit", "inherit"] });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));

  await waitForHealth(child);
  await importDemoPool(key);
  console.log(`
Scoutflare is running on ${base}  (docs: ${base}/docs)
Demo API key: ${key}
Demo webhook config: ${DEMO.webhookId} (points at webhook.example.com; PATCH /webhooks/{id} to your receiver — http://127.0.0.1 is allowed locally)
Operator token: ${vars.ADMIN_TOKEN ?? "(set ADMIN_TOKEN in .dev.vars)"}

Try it:
curl -s -X POST ${base}/sourcing -H 'Authorization: Bearer ${key}' -H 'Content-Type: application/json' \\
  -d '{"title":"Senior Backend Engineer","jobDescription":"5+ years of Node.js and PostgreSQL; Kubernetes is a plus.","location":"San Francisco, CA","limit":20}'
`);
}

main().catch((err) => {
  console.error(`npm run dev failed: ${err.message}`);
  process.exit(1);
});
