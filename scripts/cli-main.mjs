// Copied by scripts/bundle-cli.mjs to dist/bundle/cli/main.js, the module bin/tokenhedge and the tests import.
import { loadBundle } from "./load.js";

export const { run } = loadBundle().exports;
