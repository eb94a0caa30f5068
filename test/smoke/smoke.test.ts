import { SELF } from "cloudflare:test";
import { it, expect } from "vitest";
it("answers", async () => {
  const res = await SELF.fetch("http://x/health");
  expect(res.status).toBe(200);
});
