import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Hermetic runs: no colour, no CI-dependent behaviour leaking from the developer's shell.
    env: { NO_COLOR: "1", TOKENHEDGE_CONFIG: "" },
    testTimeout: 30000,
  },
});
