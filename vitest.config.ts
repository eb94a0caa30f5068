import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      // The AI binding (wrangler.toml [ai]) has no local simulation: with remote bindings on, the pool
      // would open a remote session and need a Cloudflare login. Tests stub vendors at fetch instead.
      remoteBindings: false,
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          ADMIN_TOKEN: "test-admin-token-0123456789abcdef", // ≥ 32 characters: shorter tokens close the operator API outside localhost
          // Tests exercise the real retry/deadline paths quickly.
          WEBHOOK_RETRY_SCHEDULE_S: "1,1,1",
          // Test-only key (random, used nowhere else) so tests exercise sealed webhook secrets.
          SECRETS_ENCRYPTION_KEY: "SG7zSvEr1PGhRVmg6+49vT58K0XgOpL5FiFr3v6BcVQ=",
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"], // never the snapshots benchmarks export under bench/out
    setupFiles: ["./test/setup.ts"],
    testTimeout: 30_000,
  },
}));
