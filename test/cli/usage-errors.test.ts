import { describe, expect, it } from "vitest";
import { usageMessage } from "../../src/cli/usage-errors.js";
import { ACME, PLAN_ARGS, runCli } from "../helpers/run-cli.js";

describe("commander's usage errors in the tool's words", () => {
  it("keeps an option parser's own sentence alone when it names the option", () => {
    expect(
      usageMessage(
        `error: option '--horizon <n>' argument 'abc' is invalid. --horizon must be a whole number, got "abc"`,
      ),
    ).toBe('--horizon must be a whole number, got "abc"');
    expect(
      usageMessage("error: option '-n, --paths <n>' argument 'x' is invalid. --paths must be a whole number"),
    ).toBe("--paths must be a whole number");
  });

  it("turns a choice list into 'must be one of …, got …'", () => {
    expect(
      usageMessage("error: option '--method <method>' argument 'foo' is invalid. Allowed choices are policy, mvhr."),
    ).toBe('--method must be one of policy, mvhr, got "foo"');
  });

  it("leaves other messages whole, without the 'error:' prefix", () => {
    expect(usageMessage("error: unknown option '--bogus'\n")).toBe("unknown option '--bogus'");
    expect(usageMessage("error: unknown option '--pahts'\n(Did you mean --paths?)")).toBe(
      "unknown option '--pahts' (Did you mean --paths?)",
    );
    expect(usageMessage("error: option '--x <v>' argument 'v' is invalid. Something else.")).toBe(
      "option '--x <v>' argument 'v' is invalid. Something else.",
    );
  });

  it("prints them as every other error, exit 2, the hint indented and the JSON document's message the same", () => {
    const r = runCli(["forecast", ACME.usage, "--horizon", "abc", "--json"]);
    expect(r.code).toBe(2);
    const [first, second] = r.stderr.split("\n");
    expect(first).toBe('tokenhedge: error: --horizon must be a whole number, got "abc"');
    expect(second).toBe("  hint:     add --help for usage");
    const doc = JSON.parse(r.stderr.split("\n").find((l) => l.startsWith("{")) as string) as {
      error: { message: string };
    };
    expect(doc.error.message).toBe('--horizon must be a whole number, got "abc"');
  });

  it("keeps commander's suggestion on the error's line, not as an escaped line feed", () => {
    const r = runCli(["simulate", "--pahts", "3"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("tokenhedge: error: unknown option '--pahts' (Did you mean --paths?)");
  });

  it("escapes control characters in the value a user typed", () => {
    const r = runCli(["plan", ACME.usage, "--method", "\u001b]0;owned\u0007"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toContain("\\x1b]0;owned\\x07");
  });
});

describe("output flags that cannot go together are refused before any work", () => {
  it("--json --csv: exit 2 at once, with no forecast warning printed first", () => {
    const r = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--json", "--csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("tokenhedge: error: --json and --csv cannot be used together");
    expect(r.stderr).not.toMatch(/^warning:/m);
    expect(r.stdout).toBe("");
  });

  it("--json --csv on a config run: refused before the config's files are read", () => {
    const r = runCli(["check", "--config", "no/such/config.yaml", "--json", "--csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--json and --csv cannot be used together");
  });
});
