/**
 * `tokenhedge completion bash|zsh|fish`: the bash script is run in a real bash with the words a user
 * typed; zsh and fish are not installed here, so their scripts are checked as text (every command and option, the
 * choices, quoting).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/command-table.js";
import { ROUNDING_RULES } from "../../src/hedge/rounding.js";
import { runCli } from "../helpers/run-cli.js";

const script = (shell: string): string => {
  const r = runCli(["completion", shell]);
  expect(r.code).toBe(0);
  return r.stdout;
};
const BASH = script("bash");

/** What bash offers after the words typed (the last word is the one being completed). */
function complete(typed: string[]): string[] {
  const words = ["tokenhedge", ...typed];
  const program = `${BASH}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _tokenhedge; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync("bash", ["--norc", "-c", program], { encoding: "utf8" });
  expect(r.status).toBe(0);
  return r.stdout.split("\n").filter((l) => l !== "");
}

describe("bash completion, run in bash", () => {
  it("is valid bash", () => {
    expect(spawnSync("bash", ["-n"], { input: BASH }).status).toBe(0);
  });

  it("completes command names, then each command's own options", () => {
    expect(complete(["pl"])).toEqual(["plan"]);
    expect(complete(["s"]).sort()).toEqual(["scenarios", "simulate", "sql"]);
    expect(complete(["plan", "--roun"])).toEqual(["--rounding"]);
    expect(complete(["ingest", "--date-f"])).toEqual(["--date-format"]);
    expect(complete(["--no-c"])).toEqual(["--no-color"]);
  });

  it("offers an option's choices after it, and the sub-commands' options", () => {
    expect(complete(["plan", "--rounding", ""]).sort()).toEqual([...ROUNDING_RULES].sort());
    expect(complete(["simulate", "--method", "p"]).sort()).toEqual(["parametric", "policy"]);
    expect(complete(["completion", ""]).sort()).toEqual(["bash", "fish", "zsh"]);
    expect(complete(["config", ""])).toEqual(["show"]);
    expect(complete(["config", "show", "--js"])).toEqual(["--json"]);
  });

  it("offers file names for a value-taking option without choices", () => {
    expect(complete(["plan", "--curve", "fixtures/acme/token-cu"])).toEqual(["fixtures/acme/token-curve.csv"]);
  });
});

describe("zsh and fish scripts", () => {
  const ZSH = script("zsh");
  const FISH = script("fish");

  it("name every command", () => {
    for (const row of COMMANDS) {
      expect(ZSH).toContain(`'${row.name}:`);
      expect(FISH).toContain(`-n __fish_use_subcommand -a ${row.name} `);
    }
  });

  it("carry plan's options with their choices, and quote descriptions for the shell", () => {
    expect(ZSH).toContain(`'--rounding[contract rounding]:value:(${ROUNDING_RULES.join(" ")})'`);
    expect(ZSH).toContain("'--curve[futures curve CSV]:file:_files'");
    expect(FISH).toContain(
      "complete -c tokenhedge -n '__fish_seen_subcommand_from plan' -l curve -r -F -d 'futures curve CSV'",
    );
    expect(FISH).toMatch(/-n '__fish_seen_subcommand_from simulate' -l method -x -a '[^']*parametric'/);
    // zsh's _arguments reads [ and ] in an option's description, and a ' would end the shell string: none unescaped.
    for (const line of ZSH.split("\n").filter((l) => l.trimStart().startsWith("'--"))) {
      const desc = /\[(.*)\]/.exec(line)?.[1] ?? "";
      expect(desc.replace(/\\[[\]\\]|'\\''/g, "")).not.toMatch(/[[\]']/);
    }
    expect(ZSH).toContain(`'check:evaluate the config'\\''s thresholds'`);
  });

  it("refuses another shell with a usage error (exit 2)", () => {
    const r = runCli(["completion", "powershell"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("powershell");
  });
});
