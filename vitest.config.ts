import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Hermetic runs: no colour, no CI-dependent behaviour leaking from the developer's shell.
    env: { NO_COLOR: "1", TOKENHEDGE_CONFIG: "" },
    testTimeout: 30000,
    // Property tests draw from a fixed seed (overridable with FC_SEED).
    setupFiles: ["test/setup/fast-check-seed.ts"],
  },
});
