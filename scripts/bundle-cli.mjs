#!/usr/bin/env node
/**
 * Bundle the CLI (run by `npm run build` after tsc): start-up time is module loading, and ~200 separate ES modules
 * cost far more to resolve and open than a few files. ESM code splitting gives one small entry (main.js: the
 * program, its flags and the command table) plus chunks that each command's dynamic import loads on demand, so a
 * command pulls in only its own code, its schemas (zod) and, for `init`, the prompts. The options (and the plugin
 * that keeps barrels from dragging whole layers into a command's chunks) are in scripts/bundle-options.mjs.
 *
 * The output sits three levels below the repository (dist/bundle/cli/), the same depth as dist/cli/commands/, because
 * `demo` finds the bundled fixtures relative to its own file (import.meta.url).
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cliBundleOptions, re2jsBundleOptions } from "./bundle-options.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const outdir = `${root}dist/bundle/cli`;
rmSync(outdir, { recursive: true, force: true });
await build({ ...cliBundleOptions(root, outdir), logLevel: "warning" });
await build({ ...re2jsBundleOptions(root, outdir), logLevel: "warning" });
