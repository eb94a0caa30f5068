// A flaky local webhook receiver for the soak: one HTTP server on 127.0.0.1, one path per webhook.
// Every POST is checked against its webhook's signing secret (Standard Webhooks) and logged with
// what the receiver answered, so the soak can tell delivered, retried, lost and duplicated events apart.
//
//   "flaky" paths answer 500, hang past the sender's timeout, or drop the connection, each with its
//   share of `faultRate`; otherwise 200 at once.
//   "gone" paths answer 200 until `goneAfter` events were accepted, then 410 for good (the sender
//   must disable the webhook and skip what it still owed it, visibly).
import http from "node:http";
import { Webhook } from "standardwebhooks";

/**
 * @param {{ faultRate: number, hangMs: number, goneAfter: number, random: () => number }} opts
 * hangMs: how long a "timeout" answer waits before answering (longer than the webhook's timeoutMs).
 */
export async function startReceiver({ faultRate, hangMs, goneAfter, random }) {
  const hooks = new Map(); // path → { mode, verifier, accepted }
  const records = []; // { path, webhookId, event, requestId, answer, signatureOk, at }
  const sockets = new Set();

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const hook = hooks.get(req.url);
      if (req.method !== "POST" || !hook) return void res.writeHead(404).end();
      let payload = null;
      try { payload = JSON.parse(body); } catch {}
      let signatureOk = false;
      try { hook.verifier.verify(body, req.headers); signatureOk = true; } catch {}
      const record = {
        path: req.url, webhookId: req.headers["webhook-id"] ?? null, event: payload?.event ?? null,
        requestId: payload?.data?.requestId ?? null, answer: null, signatureOk, at: Date.now(),
      };
      records.push(record);
      const answer = (code) => { record.answer = code; res.writeHead(code, { "content-type": "text/plain" }).end(String(code)); };

      if (hook.mode === "gone") {
        if (hook.accepted >= goneAfter) return answer(410);
        hook.accepted++;
        return answer(200);
      }
      const r = random();
      if (r < faultRate / 3) return answer(500);
      if (r < (2 * faultRate) / 3) {
        record.answer = "timeout";
        // Answer late: the sender has given up by then, so this attempt counts as failed.
        const t = setTimeout(() => res.writable && res.writeHead(200).end("late"), hangMs);
        res.on("close", () => clearTimeout(t));
        return;
      }
      if (r < faultRate) {
        record.answer = "reset";
        return void req.socket.destroy();
      }
      return answer(200);
    });
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  return {
    records,
    /** Register a path; returns its URL. The secret comes later (it is issued when the webhook is created). */
    add(path, mode) {
      hooks.set(path, { mode, verifier: null, accepted: 0 });
      return `${base}${path}`;
    },
    setSecret(path, secret) {
      hooks.get(path).verifier = new Webhook(secret);
    },
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}
