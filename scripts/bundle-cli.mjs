#!/usr/bin/env node
/**
 * Bundle the CLI (run by `npm run build` after tsc): start-up time is module loading, and ~200 separate ES modules
 * cost far more to resolve and open than a few files. ESM code splitting gives one small entry (main.js: the
 * program, its flags and the command table) plus chunks that each command's dynamic import loads on demand, so a
 * command pulls in only its own code, its schemas (zod) and, for `init`, the prompts.
 *
 * The output sits three levels below the repository (dist/bundle/cli/), the same depth as dist/cli/commands/, because
 * `demo` finds the bundled fixtures relative to its own file (import.meta.url).
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const outdir = `${root}dist/bundle/cli`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The parallel reader's worker thread is its own entry: ingest-parallel.ts starts it from its own folder.
  entryPoints: ["src/cli/main.ts", "src/cli/ingest-worker.ts"],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // CommonJS dependencies (cli-table3 and its helpers) call require() for Node built-ins; ESM has no require.
  banner: {
    js: 'import { createRequire as __thCreateRequire } from "node:module"; const require = __thCreateRequire(import.meta.url);',
  },
  chunkNames: "chunk-[hash]",
  legalComments: "none",
  // Less to read and parse at every start (about a third smaller); names kept, so class and function names that
  // reach messages or a TOKENHEDGE_DEBUG stack stay readable.
  minify: true,
  keepNames: true,
  logLevel: "warning",
});
