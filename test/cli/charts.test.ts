/**
 * Terminal charts: Unicode (braille, blocks) or plain ASCII as the terminal allows, decided in the shell
 * (context.ts unicodeEnabled); the width from COLUMNS or --width.
 */
import { describe, expect, it } from "vitest";
import { unicodeEnabled, type IoContext } from "../../src/cli/context.js";
import { ACME, runCli } from "../helpers/run-cli.js";

const ctx = (env: Record<string, string>): IoContext => ({
  cwd: "/",
  env,
  stdout: { write: () => undefined, isTTY: false },
  stderr: { write: () => undefined, isTTY: false },
  stdinIsTTY: false,
});

describe("Unicode or ASCII charts", () => {
  it("follows --ascii, TERM=dumb and the first locale variable set (LC_ALL, LC_CTYPE, LANG)", () => {
    expect(unicodeEnabled(ctx({}), false)).toBe(true); // no locale at all: Unicode
    expect(unicodeEnabled(ctx({ LANG: "en_US.UTF-8" }), false)).toBe(true);
    expect(unicodeEnabled(ctx({ LANG: "C.utf8" }), false)).toBe(true);
    expect(unicodeEnabled(ctx({ LANG: "en_US.UTF-8" }), true)).toBe(false); // --ascii
    expect(unicodeEnabled(ctx({ LANG: "C" }), false)).toBe(false);
    expect(unicodeEnabled(ctx({ LANG: "POSIX" }), false)).toBe(false);
    expect(unicodeEnabled(ctx({ LANG: "de_DE.ISO-8859-1" }), false)).toBe(false);
    expect(unicodeEnabled(ctx({ LC_ALL: "en_US.UTF-8", LANG: "C" }), false)).toBe(true);
    expect(unicodeEnabled(ctx({ LC_ALL: "C", LANG: "en_US.UTF-8" }), false)).toBe(false);
    expect(unicodeEnabled(ctx({ LC_ALL: "", LC_CTYPE: "C", LANG: "en_US.UTF-8" }), false)).toBe(false);
    expect(unicodeEnabled(ctx({ LANG: "en_US.UTF-8", TERM: "dumb" }), false)).toBe(false);
  });

  const UTF8 = { LC_ALL: "", LC_CTYPE: "", LANG: "en_US.UTF-8", TERM: "xterm-256color" };
  const chartOf = (out: string): string => out.slice(out.indexOf("futures curve 2026-12"));

  it("curve: braille in a UTF-8 locale; printable ASCII only with LANG=C or --ascii", () => {
    const unicode = chartOf(runCli(["curve", ACME.tokenCurve], { env: UTF8 }).stdout);
    expect(unicode).toMatch(/[\u2801-\u28ff]/);
    expect(unicode).toMatch(/^2\.0 ┤/m);
    expect(unicode).toContain("⠒⠒⠒ futures USD/Mtok   ⠂⠂⠂ 10x/yr deflation trend");
    for (const r of [
      runCli(["curve", ACME.tokenCurve], { env: { ...UTF8, LANG: "C" } }),
      runCli(["--ascii", "curve", ACME.tokenCurve], { env: UTF8 }),
    ]) {
      const ascii = chartOf(r.stdout);
      expect(ascii).toMatch(/^2\.0 \|/m);
      expect(/^[\x20-\x7e\n]*$/.test(ascii.slice(ascii.indexOf("\n") + 1))).toBe(true);
    }
  });

  it("curve --width 40: no chart line longer than 40 characters", () => {
    const chart = chartOf(runCli(["curve", ACME.tokenCurve, "--width", "40"], { env: UTF8 }).stdout);
    const widths = chart.split("\n").map((l) => [...l].length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(40);
    expect(Math.max(...widths)).toBeGreaterThan(30);
  });

  it("simulate in a 50-column terminal: the histogram and the sweep chart fit, in eighth blocks and braille", () => {
    const r = runCli(
      [
        "simulate",
        ACME.usage,
        "--curve",
        ACME.tokenCurve,
        "--contract",
        ACME.tokenContract,
        "--policy",
        ACME.policy,
        "--paths",
        "2000",
      ],
      { env: { ...UTF8, COLUMNS: "50" } },
    );
    expect(r.code).toBe(0);
    const charts = r.stdout.slice(
      r.stdout.indexOf("distribution of total cost"),
      r.stdout.indexOf("\nminimum variance at"),
    );
    expect(charts).toMatch(/^\$2\.8M \.\. \$3\.0M \| █*[▏▎▍▌▋▊▉]? /m);
    expect(charts).toMatch(/[\u2801-\u28ff]/);
    expect(Math.max(...charts.split("\n").map((l) => [...l].length))).toBeLessThanOrEqual(50);
  });
});
