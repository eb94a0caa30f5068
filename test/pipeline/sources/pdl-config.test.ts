// PDL's settings: on only with a key, https unless a stub on this machine in local development.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../../src/config";
import type { Env } from "../../../src/env";

const pdl = (vars: Partial<Env>) => readConfig({ ...env, PDL_API_KEY: "k", PDL_BASE_URL: undefined, WEBHOOK_ALLOW_LOCALHOST: "false", ...vars }).pdl;

describe("readConfig().pdl", () => {
  it("defaults: PDL's own https API, 20 records a search, min_likelihood 6", () => {
    expect(pdl({})).toEqual({ apiKey: "k", baseUrl: "https://api.peopledatalabs.com", searchSize: 20, minLikelihood: 6 });
  });

  it.each([
    ["no key", { PDL_API_KEY: undefined }, null],
    ["a blank key", { PDL_API_KEY: "  " }, null],
    ["https elsewhere", { PDL_BASE_URL: "https://pdl-proxy.example.com/" }, "https://pdl-proxy.example.com"],
    ["http to this machine in local development", { PDL_BASE_URL: "http://127.0.0.1:9911", WEBHOOK_ALLOW_LOCALHOST: "true" }, "http://127.0.0.1:9911"],
    ["http to this machine outside local development", { PDL_BASE_URL: "http://127.0.0.1:9911" }, null],
    ["http to another host, even locally", { PDL_BASE_URL: "http://pdl.example.com", WEBHOOK_ALLOW_LOCALHOST: "true" }, null],
    ["credentials in the URL", { PDL_BASE_URL: "https://user:pw@pdl.example.com" }, null],
    ["not a URL", { PDL_BASE_URL: "api.peopledatalabs.com" }, null],
  ])("%s", (_name, vars, baseUrl) => {
    expect(pdl(vars)?.baseUrl ?? null).toBe(baseUrl);
  });

  it.each([
    [{ PDL_SEARCH_SIZE: "50" }, 50],
    [{ PDL_SEARCH_SIZE: "500" }, 100], // PDL's most per call
    [{ PDL_SEARCH_SIZE: "0" }, 20],
    [{ PDL_SEARCH_SIZE: "ten" }, 20],
  ])("%j → searchSize %s", (vars, size) => {
    expect(pdl(vars)?.searchSize).toBe(size);
  });

  it.each([
    [{ PDL_MIN_LIKELIHOOD: "8" }, 8],
    [{ PDL_MIN_LIKELIHOOD: "12" }, 10],
  ])("%j → minLikelihood %s", (vars, likelihood) => {
    expect(pdl(vars)?.minLikelihood).toBe(likelihood);
  });
});
