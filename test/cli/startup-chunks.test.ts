/**
 * Start-up stays cheap (docs/startup.md): building a command — for its --help, or for a usage error in its options —
 * loads its options file and nothing of its action. This bundles the CLI as scripts/bundle-cli.mjs does (in memory)
 * and follows the static imports from each command's chunk: no schema library, no config layer, no reader or
 * renderer may be among them; those load with the action (src/cli/actions/).
 */
import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { COMMANDS } from "../../src/cli/command-table.js";
import { PROFILES } from "../../src/ingest/profiles/index.js";
import { PROFILE_IDS } from "../../src/ingest/option-names.js";
import { roundingSchema } from "../../src/hedge/policy.js";
import { ROUNDING_RULES } from "../../src/hedge/rounding.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let meta: Metafile;

beforeAll(async () => {
  const r = await build({
    absWorkingDir: ROOT,
    entryPoints: ["src/cli/main.ts"],
    outdir: "/unused",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  meta = r.metafile;
}, 60_000);

/** The source files a chunk loads with it (its static imports, transitively), main's own excluded. */
function staticInputs(entry: string): { inputs: string[]; bytes: number } {
  const outputs = meta.outputs;
  const chunkOf = (ep: string): string => Object.entries(outputs).find(([, o]) => o.entryPoint === ep)![0];
  const reach = (from: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(from)) return seen;
    seen.add(from);
    for (const i of outputs[from]!.imports) if (i.kind === "import-statement" && outputs[i.path]) reach(i.path, seen);
    return seen;
  };
  const main = reach(chunkOf("src/cli/main.ts"));
  const own = [...reach(chunkOf(entry))].filter((c) => !main.has(c));
  return {
    inputs: own.flatMap((c) => Object.keys(outputs[c]!.inputs)),
    bytes: own.reduce((n, c) => n + outputs[c]!.bytes, 0),
  };
}

/** What an options file must not pull in: every package but commander, the config layers, readers, renderers, the pipeline. */
const HEAVY =
  /node_modules\/(?!commander\/)|^src\/(config\/(?!env-name\.ts)|pipeline\/(?!defaults\.ts)|report\/|ingest\/(?!option-names\.ts)|forecast\/(?!defaults\.ts)|schema\/|curve\/|book\/)|^src\/cli\/(actions\/|[a-z-]+-(options|read|inputs)\.ts)/;

describe("start-up: a command's options load none of its action", () => {
  it.each(COMMANDS.map((row) => [row.name] as const))("%s", (name) => {
    const file = `src/cli/commands/${name}.ts`;
    const { inputs, bytes } = staticInputs(file);
    expect(inputs.filter((i) => HEAVY.test(i))).toEqual([]);
    // The options of the largest command (simulate: the plan's flags and its own) come to about 15 KB.
    expect(bytes).toBeLessThan(40_000);
  });

  it("the top-level program loads no command", () => {
    const main = Object.values(meta.outputs).find((o) => o.entryPoint === "src/cli/main.ts")!;
    expect(
      Object.keys(main.inputs).filter((i) => i.startsWith("src/cli/commands/") && !/shared|help-topic-names/.test(i)),
    ).toEqual([]);
  });
});

describe("the names the options offer are the ones the code uses", () => {
  it("--format: the export profiles' ids, in order", () => {
    expect(PROFILE_IDS).toEqual(PROFILES.map((p) => p.id));
  });
  it("--rounding: the policy schema's rounding rules", () => {
    expect([...ROUNDING_RULES]).toEqual(roundingSchema.options);
  });
});
