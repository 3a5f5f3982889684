#!/usr/bin/env node
// What each command's chunk loads with it: bundles the CLI in memory (with scripts/bundle-options.mjs, as the build does) and follows
// the static imports from the chunk of src/cli/commands/NAME.ts (its options) and of src/cli/actions/NAME.ts (what
// loads when it runs, before it reads anything), the entry's own chunks left out. Prints chunks, bytes, source files
// and packages per command; with a NAME, also the source files of that command.
// Usage: node bench/startup/reach.mjs [NAME]
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { cliGraphOptions } from "../../scripts/bundle-options.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const r = await build({ ...cliGraphOptions(root, "/unused"), metafile: true, write: false, logLevel: "error" });
const outs = r.metafile.outputs;
const byEntry = {};
for (const [f, o] of Object.entries(outs)) if (o.entryPoint) byEntry[o.entryPoint] = f;
function reach(f, seen = new Set()) {
  if (seen.has(f)) return seen;
  seen.add(f);
  for (const i of outs[f].imports) if (i.kind === "import-statement" && outs[i.path]) reach(i.path, seen);
  return seen;
}
const mainSet = reach(byEntry["src/cli/main.ts"]);
const show = process.argv[2];
for (const [ep, f] of Object.entries(byEntry).sort()) {
  if (!/^src\/cli\/(commands|actions)\//.test(ep) && ep !== "src/cli/main.ts") continue;
  const set = reach(f);
  let bytes = 0;
  const inputs = [];
  for (const c of set) {
    if (ep !== "src/cli/main.ts" && mainSet.has(c)) continue;
    bytes += outs[c].bytes;
    inputs.push(...Object.keys(outs[c].inputs));
  }
  const packages = [
    ...new Set(
      inputs
        .filter((i) => i.includes("node_modules"))
        .map((i) => i.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, "$1")),
    ),
  ];
  console.log(
    `${ep.padEnd(40)} ${String(set.size).padStart(3)} chunks ${(bytes / 1024).toFixed(0).padStart(5)} KB  ${String(inputs.filter((i) => i.startsWith("src")).length).padStart(3)} source files  ${packages.join(",")}`,
  );
  if (show && ep.includes(show))
    console.log(
      inputs
        .filter((i) => i.startsWith("src"))
        .map((i) => `    ${i}`)
        .join("\n"),
    );
}
