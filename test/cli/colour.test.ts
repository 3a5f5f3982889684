/** Colour: off without a terminal or with NO_COLOR, on with --color or FORCE_COLOR (the NO_COLOR convention, no-color.org, and FORCE_COLOR as chalk reads it). */
import { describe, expect, it } from "vitest";
import { ACME, spawnCli as runCli } from "../helpers/run-cli.js";

// The real binary: cli-table3 styles its borders through @colors/colors, which reads the process's own
// argv and environment, so only a process of its own shows what a user's terminal gets.

const ESC = "\u001b[";

describe("colour", () => {
  it("is off when stdout is not a terminal and NO_COLOR is set", () => {
    expect(runCli(["curve", ACME.tokenCurve, "--no-chart"]).stdout.includes(ESC)).toBe(false);
  });

  it("--color turns it on even when piped, over NO_COLOR (flags beat the environment)", () => {
    expect(runCli(["curve", ACME.tokenCurve, "--no-chart", "--color"]).stdout.includes(ESC)).toBe(true);
  });

  it("FORCE_COLOR turns it on; --no-color beats FORCE_COLOR", () => {
    expect(runCli(["curve", ACME.tokenCurve, "--no-chart"], { env: { FORCE_COLOR: "1" } }).stdout.includes(ESC)).toBe(
      true,
    );
    expect(
      runCli(["curve", ACME.tokenCurve, "--no-chart", "--no-color"], { env: { FORCE_COLOR: "1" } }).stdout.includes(
        ESC,
      ),
    ).toBe(false);
  });
});
