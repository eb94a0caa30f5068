import type { D1Migration } from "cloudflare:test";

type ProjectEnv = import("../src/env").Env;

declare global {
  namespace Cloudflare {
    interface Env extends ProjectEnv {
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof import("../src/index");
    }
  }
}
export {};
