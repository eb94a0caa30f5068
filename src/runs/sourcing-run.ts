import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";

export class SourcingRun extends DurableObject<Env> {}
