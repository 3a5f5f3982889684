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
import { PROFILES } from "../../src/ingest/mapping/profiles/index.js";
import { PROFILE_IDS } from "../../src/ingest/reading/option-names.js";
import { roundingSchema } from "../../src/hedge/policy.js";
import { ROUNDING_RULES } from "../../src/hedge/rounding.js";
import { cliGraphOptions } from "../../scripts/bundle-options.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let meta: Metafile;

beforeAll(async () => {
  const r = await build({ ...cliGraphOptions(ROOT, "/unused"), metafile: true, write: false, logLevel: "silent" });
  meta = r.metafile;
}, 60_000);

/** The source files a chunk loads with it (its static imports, transitively), main's own excluded. */
const chunkOf = (ep: string): string => Object.entries(meta.outputs).find(([, o]) => o.entryPoint === ep)![0];

/** The chunks loaded with `from`: itself and its static imports, transitively. */
function reach(from: string, seen = new Set<string>()): Set<string> {
  if (seen.has(from)) return seen;
  seen.add(from);
  for (const i of meta.outputs[from]!.imports)
    if (i.kind === "import-statement" && meta.outputs[i.path]) reach(i.path, seen);
  return seen;
}

function staticInputs(entry: string): { inputs: string[]; bytes: number } {
  const outputs = meta.outputs;
  const main = reach(chunkOf("src/cli/main.ts"));
  const own = [...reach(chunkOf(entry))].filter((c) => !main.has(c));
  return {
    inputs: own.flatMap((c) => Object.keys(outputs[c]!.inputs)),
    bytes: own.reduce((n, c) => n + outputs[c]!.bytes, 0),
  };
}

/** What an options file must not pull in: every package but commander, the config layers, readers, renderers, the pipeline. */
const HEAVY =
  /node_modules\/(?!commander\/)|^src\/(config\/(?!env-name\.ts|setting-kinds\.ts)|pipeline\/(?!defaults\.ts)|report\/|ingest\/(?!reading\/option-names\.ts)|forecast\/(?!defaults\.ts)|schema\/|curve\/|book\/)|^src\/cli\/(actions\/|[a-z-]+-(options|read|inputs)\.ts)/;

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

/** The source files an action loads before it runs: its chunk and that chunk's static imports. */
function actionInputs(name: string): string[] {
  return [...reach(chunkOf(`src/cli/actions/${name}.ts`))].flatMap((c) => Object.keys(meta.outputs[c]!.inputs));
}
const ACTIONS = COMMANDS.map((row) => row.name).filter((n) => n !== "help-topics");
const loads = (name: string, pattern: RegExp): string[] => actionInputs(name).filter((i) => pattern.test(i));

describe("start-up: an action loads only the layers it uses (imports through a barrel go to the defining module)", () => {
  it.each(ACTIONS.filter((n) => n !== "report").map((n) => [n] as const))(
    "%s loads no HTML, Markdown or workbook writer",
    (name) => {
      expect(loads(name, /^src\/report\/(html|markdown|xlsx)\//)).toEqual([]);
    },
  );
  it("report does (so the check above can fail)", () => {
    expect(loads("report", /^src\/report\/html\/report\.ts$/)).toEqual(["src/report/html/report.ts"]);
  });
  it.each(["effectiveness", "hedge-ratio", "diff", "basis", "config", "sql", "completion"].map((n) => [n] as const))(
    "%s loads no forecasting code",
    (name) => {
      expect(loads(name, /^src\/forecast\//)).toEqual([]);
    },
  );
  it.each(["effectiveness", "hedge-ratio", "diff", "basis", "sql", "completion"].map((n) => [n] as const))(
    "%s loads no zod",
    (name) => {
      expect(loads(name, /node_modules\/zod\//)).toEqual([]);
    },
  );
});

describe("start-up: re2js is not in the CLI's chunks", () => {
  it("only its stand-in is bundled (the engine is require()d from re2js.cjs at the first compile)", () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.filter((i) => i.includes("node_modules/re2js/"))).toEqual([]);
    expect(inputs.filter((i) => i.startsWith("lazy-re2js:"))).toEqual(["lazy-re2js:re2js"]);
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
