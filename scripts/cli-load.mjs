/**
 * Copied by scripts/bundle-cli.mjs to dist/bundle/cli/load.js: compiles the bundled CLI (cli.cjs, one CommonJS
 * file) with V8's code cache (cli.cjs.cache, written at build time by scripts/code-cache.mjs), the way Node's own
 * CommonJS loader compiles a file, but with the cache: Node 20 has no compile cache for its module loaders, and
 * compiling the code a planning command runs took about a third of its start-up (docs/startup.md).
 *
 * The cache is only ever read here. V8 checks it against the source and its own version and flags and, when they
 * differ (another Node, a rebuilt bundle), ignores it and compiles as usual: the result is the same program.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const BUNDLE = fileURLToPath(new URL("./cli.cjs", import.meta.url));
export const CODE_CACHE = `${BUNDLE}.cache`;

function readCache() {
  try {
    return readFileSync(CODE_CACHE);
  } catch {
    return undefined; // no cache (removed, or not yet written by the build): compile without it
  }
}

/** The compiled script (for the build's cache writer) and what the bundle exports. */
export function loadBundle(cachedData = readCache()) {
  const source = readFileSync(BUNDLE, "utf8");
  // The same wrapper as Node's CommonJS loader, on the first line, so line numbers in a stack match cli.cjs.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
    // No importModuleDynamically: the bundle has no import() of its own (each command's import() is bundled, and
    // the optional DuckDB package is require()d). On Node 20 a code-cached script loses that callback anyway, and
    // the main-context loader constant prints an ExperimentalWarning.
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { script, exports: module.exports, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}
