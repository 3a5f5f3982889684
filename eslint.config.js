// Flat config: typescript-eslint's recommended rules over the sources, tests and scripts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "bench/data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js", "bin/*"],
    // Plain-JavaScript scripts run on Node: declare the Node globals they use.
    languageOptions: {
      globals: Object.fromEntries(
        [
          "process",
          "console",
          "URL",
          "Buffer",
          "performance",
          "setTimeout",
          "clearTimeout",
          "setImmediate",
          "TextDecoder",
          "TextEncoder",
        ].map((g) => [g, "readonly"]),
      ),
    },
  },
);
