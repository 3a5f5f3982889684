import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Hermetic runs: no colour, no CI-dependent behaviour leaking from the developer's shell.
    env: { NO_COLOR: "1", TOKENHEDGE_CONFIG: "" },
    testTimeout: 30000,
    // Property tests draw from a fixed seed (overridable with FC_SEED).
    setupFiles: ["test/setup/fast-check-seed.ts"],
    // One test process per core (vitest's default leaves one core idle, which on a 2-core machine halves the
    // suite's speed). The tests are CPU-bound: each CLI test runs the real pipeline in-process.
    maxWorkers: availableParallelism(),
    // Test files share each worker's module graph instead of re-importing it per file: the built CLI that the
    // in-process harness (test/helpers/run-cli.ts) loads into its worker thread is then loaded once per worker, not
    // once per file. Safe because no test mocks modules or changes shared state; each CLI run gets its own cwd, env
    // and in-memory streams.
    isolate: false,
  },
});
