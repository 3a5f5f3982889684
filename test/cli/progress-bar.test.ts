import { describe, expect, it } from "vitest";
import { bytesProgressBar, simulationProgressBar } from "../../src/cli/progress-bar.js";

/** A fake stderr that records writes; `isTTY` as given. */
function stream(isTTY: boolean): { isTTY: boolean; out: string[]; write(s: string): boolean } {
  const out: string[] = [];
  return { isTTY, out, write: (s: string) => (out.push(s), true) };
}

describe("cli/progress-bar: simulation", () => {
  it("draws nothing in the first second, then 30 cells per whole percent, and wipes with spaces", () => {
    let t = 0;
    const s = stream(true);
    const bar = simulationProgressBar(s, () => t);
    bar.update(0.2);
    expect(s.out).toEqual([]);
    t = 1500;
    bar.update(0.5); // 50% → round(0.5·30) = 15 cells
    bar.update(0.504); // still 50%: no redraw
    bar.done();
    expect(s.out).toEqual([`\rsimulating [${"#".repeat(15)}${".".repeat(15)}]  50%`, `\r${" ".repeat(50)}\r`]);
  });

  it("is silent when stderr is not a terminal", () => {
    const s = stream(false);
    const bar = simulationProgressBar(s, () => 5000);
    bar.update(0.5);
    bar.done();
    expect(s.out).toEqual([]);
  });
});

describe("cli/progress-bar: bytes read", () => {
  it("half of 2 GB after 5 s: 12 of 24 cells, 1.00 GB / 2.00 GB, 200 MB/s; erase-line to wipe", () => {
    let t = 1000;
    const s = stream(true);
    const bar = bytesProgressBar(s, () => t, 2e9, "reading u.csv", 1);
    t = 6000;
    bar.update(1e9);
    t = 6050; // under 100 ms since the last draw: skipped
    bar.update(1.1e9);
    bar.done();
    expect(s.out).toEqual([`\rreading u.csv [${"#".repeat(12)}${"-".repeat(12)}]  50%  1.00 GB / 2.00 GB  200 MB/s\u001b[K`, "\r\u001b[K"]);
  });

  it("is silent for a file under the threshold", () => {
    const s = stream(true);
    const bar = bytesProgressBar(s, () => 0, 1000, "reading u.csv", 4096);
    bar.update(500);
    bar.done();
    expect(s.out).toEqual([]);
  });
});
