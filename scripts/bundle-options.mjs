/**
 * The esbuild options of the bundled CLI: the shipped single file (scripts/bundle-cli.mjs writes it) and the same
 * program split at each dynamic import (bench/startup/reach.mjs and test/cli/startup-chunks.test.ts bundle it in
 * memory to see what each command loads). Both come from `common` below, so what is measured is what ships.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Imports through a barrel (`import { buildPlanStage } from "../pipeline/index.js"`) rewritten to the module that
 * defines each name (`"../pipeline/plan-stage.js"`). esbuild's code splitting puts a file in the chunks of every entry
 * that reaches it through any import, whether or not the entry uses what that import brings: a command that imports
 * one stage through src/pipeline/index.ts would otherwise load every stage the barrel re-exports (the HTML, Markdown
 * and workbook reports with `plan`, for instance). Only a barrel made solely of `export { … } from "./x.js"` lines is
 * rewritten, and only the names it re-exports; anything else (a name the barrel defines itself) keeps its import.
 */
const barrels = new Map();

/** name exported by the barrel → [module path, name in that module]; undefined when the file is not a pure barrel. */
function barrelMap(file) {
  if (barrels.has(file)) return barrels.get(file);
  let map;
  try {
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    map = new Map();
    for (const m of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s*from\s*"([^"]+)"\s*;/g)) {
      if (m[1]) continue; // `export type { … }`: erased, nothing to load
      for (const spec of m[2].split(",")) {
        const s = spec.trim();
        if (!s || s.startsWith("type ")) continue;
        const [orig, alias = orig] = s.split(/\s+as\s+/);
        map.set(alias.trim(), [m[3], orig.trim()]);
      }
    }
    // Anything else at the top level that makes code (a function, a const, `export *`): not a pure barrel.
    const rest = text
      .replace(/export\s+(type\s+)?\{[^}]*\}\s*from\s*"[^"]+"\s*;/g, "")
      .replace(/^\s*\/\/.*$/gm, "")
      .trim();
    if (rest !== "") map = undefined;
  } catch {
    map = undefined;
  }
  barrels.set(file, map);
  return map;
}

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*"(\.{1,2}\/[^"]*\/index\.js)"\s*;/g;

export const directImports = {
  name: "direct-imports",
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes('/index.js"')) return undefined;
      const contents = source.replace(IMPORT, (whole, specs, from) => {
        const barrel = resolve(dirname(args.path), from.replace(/\.js$/, ".ts"));
        const map = barrelMap(barrel);
        if (!map) return whole;
        const keep = [];
        const byModule = new Map();
        for (const spec of specs.split(",")) {
          const s = spec.trim();
          if (!s) continue;
          if (s.startsWith("type ")) continue; // a type: erased
          const [name, local = name] = s.split(/\s+as\s+/).map((x) => x.trim());
          const target = map.get(name);
          if (!target) {
            keep.push(s);
            continue;
          }
          const [mod, orig] = target;
          const path = `${from.replace(/index\.js$/, "")}${mod.replace(/^\.\//, "")}`;
          if (!byModule.has(path)) byModule.set(path, []);
          byModule.get(path).push(orig === local ? orig : `${orig} as ${local}`);
        }
        return [
          ...(keep.length ? [`import { ${keep.join(", ")} } from "${from}";`] : []),
          ...[...byModule].map(([path, names]) => `import { ${names.join(", ")} } from "${path}";`),
        ].join(" ");
      });
      return { contents, loader: "ts" };
    });
  },
};

/**
 * re2js (the RE2 engine for the regular expressions users write in mappings, about 150 KB, a sixth of what `plan`
 * loads) is needed only by a mapping with a `pattern:` or `matches:`, and is called synchronously, so it cannot sit
 * behind an `import()`. In the bundle, `import { RE2JS } from "re2js"` resolves to this stand-in, which require()s
 * the library (bundled on its own into re2js.cjs beside the chunks, `re2jsBundleOptions`) on the first call.
 * src/ingest/mapping/user-regex.ts is the one importer and uses only `RE2JS.compile` and `RE2JS.CASE_INSENSITIVE`.
 */
const RE2JS_SHIM = `
import { createRequire } from "node:module";
let real;
const load = () => (real ??= createRequire(import.meta.url)("./re2js.cjs").RE2JS);
export const RE2JS = {
  compile: (...args) => load().compile(...args),
  get CASE_INSENSITIVE() { return load().CASE_INSENSITIVE; },
};
`;

export const lazyRe2js = {
  name: "lazy-re2js",
  setup(b) {
    b.onResolve({ filter: /^re2js$/ }, (args) =>
      args.importer.includes("/src/") ? { path: "re2js", namespace: "lazy-re2js" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-re2js" }, () => ({ contents: RE2JS_SHIM, loader: "js" }));
  },
};

/** re2js on its own, as CommonJS, for the stand-in above to require(): dist/bundle/cli/re2js.cjs. */
export function re2jsBundleOptions(root, outdir) {
  return {
    absWorkingDir: root,
    stdin: { contents: 'module.exports = require("re2js");', resolveDir: root, loader: "js" },
    outfile: `${outdir}/re2js.cjs`,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    legalComments: "none",
    minify: true,
    keepNames: true,
  };
}

/** What every bundle of the CLI shares: Node 20, minified with names kept, the two plugins above. */
function common(root) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    target: "node20",
    legalComments: "none",
    // Less to read and parse at every start (about a third smaller); names kept, so class and function names that
    // reach messages or a TOKENHEDGE_DEBUG stack stay readable.
    minify: true,
    keepNames: true,
    plugins: [directImports, lazyRe2js],
  };
}

/**
 * The shipped CLI: one CommonJS file, dist/bundle/cli/cli.cjs, which scripts/cli-load.mjs compiles with V8's code
 * cache (docs/startup.md). Each command's `import()` stays lazy inside the one file: esbuild wraps what a dynamic
 * import reaches in an init function that runs on the first import, so `--help` evaluates no command's code.
 * `import.meta.url` (the worker thread's file, the bundled fixtures of `demo`, re2js.cjs) becomes the file's own URL.
 */
export function cliBundleOptions(root, outdir) {
  return {
    ...common(root),
    entryPoints: ["src/cli/main.ts"],
    outfile: `${outdir}/cli.cjs`,
    format: "cjs",
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { "import.meta.url": "__importMetaUrl" },
  };
}

/** The parallel reader's worker thread (ingest-parallel.ts starts it from its own folder): one ES module file. */
export function workerBundleOptions(root, outdir) {
  return {
    ...common(root),
    entryPoints: ["src/cli/ingest-worker.ts"],
    outfile: `${outdir}/ingest-worker.js`,
    format: "esm",
    // CommonJS dependencies bundled into an ES module call require() for Node built-ins; ESM has no require.
    banner: {
      js: 'import { createRequire as __thCreateRequire } from "node:module"; const require = __thCreateRequire(import.meta.url);',
    },
  };
}

/**
 * The same program with ESM code splitting, for reading its import graph only (test/cli/startup-chunks.test.ts,
 * bench/startup/reach.mjs): each dynamic import is a chunk boundary, so a chunk's static imports are exactly what
 * that command evaluates when it loads in the shipped single file.
 */
export function cliGraphOptions(root, outdir) {
  return {
    ...common(root),
    entryPoints: ["src/cli/main.ts"],
    outdir,
    splitting: true,
    format: "esm",
    chunkNames: "chunk-[hash]",
  };
}
