/** The progress display of long work (src/cli/progress.ts): the time-left estimate, when it draws, the forecast's stages as one fraction. */
import { describe, expect, it } from "vitest";
import { etaText, forecastProgress, progressBar, type ProgressBar } from "../../src/cli/progress-bar.js";
import { runCli } from "../helpers/run-cli.js";

function tty(isTTY = true): { write: (s: string) => void; isTTY: boolean; text: () => string } {
  let text = "";
  return { write: (s) => void (text += s), isTTY, text: () => text };
}

describe("etaText", () => {
  it("time left at the rate so far: 4 s for 20% ⇒ 16 s left; 30 s for 20% ⇒ 2 min 00 s", () => {
    expect(etaText(4000, 0.2)).toBe("ETA 16 s");
    expect(etaText(30_000, 0.2)).toBe("ETA 2 min 00 s");
    expect(etaText(1000, 0)).toBe("");
    expect(etaText(1000, 1)).toBe("");
  });
});

describe("progressBar", () => {
  it("draws nothing in the first second, then the bar, the percentage and the time left", () => {
    let t = 0;
    const err = tty();
    const bar = progressBar(err, () => t, "forecasting");
    bar.update(0); // the first report: the rate is measured from here
    t = 500;
    bar.update(0.05);
    expect(err.text()).toBe("");
    t = 2000;
    bar.update(0.25); // 25% in 2 s ⇒ 6 s left
    expect(err.text()).toBe(`\rforecasting [${"#".repeat(8)}${".".repeat(22)}]  25%  ETA 6 s\u001b[K`);
    bar.done();
    expect(err.text().endsWith("\r\u001b[K")).toBe(true);
  });

  it("draws nothing when stderr is not a terminal", () => {
    let t = 0;
    const err = tty(false);
    const bar = progressBar(err, () => t);
    t = 5000;
    bar.update(0.5);
    bar.done();
    expect(err.text()).toBe("");
  });
});

describe("forecastProgress", () => {
  it("weighs the stages by paths × periods, sorting three times a draw: stages 1000, 3000, 1000, 300 of 5300", () => {
    const seen: number[] = [];
    const bar: ProgressBar = { update: (f) => void seen.push(f), done: () => undefined };
    const on = forecastProgress(bar, { paths: 100, horizon: 10, monthly: { days: 10, months: 1 } });
    on({ stage: "select", done: 1, total: 1 });
    on({ stage: "paths", done: 50, total: 100 });
    on({ stage: "quantiles", done: 10, total: 10 });
    on({ stage: "paths", done: 100, total: 100 });
    on({ stage: "quantiles", done: 1, total: 1 });
    expect(seen).toEqual([0, 500 / 5300, 4000 / 5300, 5000 / 5300, 1]);
  });
});

describe("forecast on a terminal", () => {
  // AICc alone keeps the run quick (the daily default also runs a rolling-origin backtest, about 1.5 s here).
  const quick = [
    "forecast",
    "fixtures/acme/usage.csv",
    "--period",
    "day",
    "--horizon",
    "30",
    "--paths",
    "200",
    "--select",
    "aicc",
  ];
  // Whether a plain run draws depends on how long it takes (nothing in the first second): that rule is
  // tested above on an injected clock, not here on the wall clock of a busy machine.
  it("--json and --quiet runs print no progress, on a terminal too", () => {
    for (const extra of [["--json"], ["--quiet"]]) {
      const r = runCli([...quick, ...extra], { stderrIsTTY: true });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/forecasting \[/);
    }
  });
});
