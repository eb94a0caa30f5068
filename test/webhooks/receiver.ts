// A stubbed webhook receiver at the `fetch` boundary: records every request the dispatcher sends
// and answers with whatever `respond` builds (inside the stub, as workerd requires). The host
// lookups before each send are answered by the test resolver (test/helpers.ts), with `dns`
// replacing its answers for this test, and are not recorded.
import { vi } from "vitest";
import { testDnsAnswer, type TestDnsRecord } from "../helpers";

export type SentRequest = { url: string; headers: Record<string, string>; body: string; redirect: RequestInit["redirect"] };

export function stubReceiver(
  respond: (sent: SentRequest, index: number, init: RequestInit | undefined) => Response | Promise<Response> = () => new Response("ok"),
  opts: { dns?: Record<string, TestDnsRecord> } = {},
) {
  const sent: SentRequest[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const dns = testDnsAnswer(input, init, opts.dns);
    if (dns) return dns;
    const request: SentRequest = {
      url: String(input instanceof Request ? input.url : input),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: String(init?.body ?? ""),
      redirect: init?.redirect,
    };
    sent.push(request);
    return respond(request, sent.length - 1, init);
  });
  return { sent, spy };
}

/** A receiver that never answers: it only rejects when the caller's signal aborts. */
export function hangUntilAborted(init: RequestInit | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    init?.signal?.addEventListener("abort", () => reject(init.signal!.reason));
  });
}
