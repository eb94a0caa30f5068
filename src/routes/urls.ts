import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { readConfig } from "../config";

/** The public base URL for Location headers and links: PUBLIC_BASE_URL, else the request's origin. */
export function baseUrl(c: Context<AppEnv>): string {
  return readConfig(c.env).publicBaseUrl ?? new URL(c.req.url).origin;
}
