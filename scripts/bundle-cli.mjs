#!/usr/bin/env node
/**
 * Bundle the CLI (run by `npm run build` after tsc): start-up time is module loading and compiling, and ~200
 * separate ES modules cost far more to resolve, open and compile than one file compiled from a code cache. Writes
 * dist/bundle/cli/: cli.cjs (the whole CLI, each command's code evaluated only when it runs), load.js and main.js
 * (the loader that compiles cli.cjs with cli.cjs.cache, and the module bin/tokenhedge imports), cli.cjs.cache (V8's
 * code cache, written by scripts/code-cache.mjs), ingest-worker.js (the parallel reader's worker thread),
 * re2js.cjs (the RE2 engine, loaded on a mapping's first pattern) and help.txt (the top-level help, which
 * bin/tokenhedge prints without loading the bundle; scripts/help-text.mjs). The options are in scripts/bundle-options.mjs.
 *
 * The output sits three levels below the repository (dist/bundle/cli/), the same depth as dist/cli/commands/, because
 * `demo` finds the bundled fixtures relative to its own file (import.meta.url).
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cliBundleOptions, re2jsBundleOptions, workerBundleOptions } from "./bundle-options.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const outdir = `${root}dist/bundle/cli`;
rmSync(outdir, { recursive: true, force: true });
await build({ ...cliBundleOptions(root, outdir), logLevel: "warning" });
await build({ ...workerBundleOptions(root, outdir), logLevel: "warning" });
await build({ ...re2jsBundleOptions(root, outdir), logLevel: "warning" });
copyFileSync(`${root}scripts/cli-load.mjs`, `${outdir}/load.js`);
copyFileSync(`${root}scripts/cli-main.mjs`, `${outdir}/main.js`);
// The code cache is made by running the bundle, in its own process: a warm-up must not share this one's state.
execFileSync(process.execPath, [`${root}scripts/code-cache.mjs`], { stdio: "inherit" });
execFileSync(process.execPath, [`${root}scripts/help-text.mjs`], { stdio: "inherit" });
