/**
 * report.html in a real browser (headless Chromium, the Debian `chromium` package):
 *   1. the report as written loads with no console message at all — it has no script, so any console line
 *      is an error or a Content-Security-Policy refusal of an external resource (checked to be detectable
 *      with a deliberately broken page first, so this test can fail);
 *   2. every chart SVG lays out with a non-zero size and has drawn marks — measured in a copy of the
 *      report with one measuring script appended (the report itself needs and has no script), read back
 *      with --dump-dom;
 *   3. a screenshot renders (a PNG is written; look at it when changing the report).
 * Skipped, saying so, only when no Chromium binary is installed.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { runCli } from "../helpers/run-cli.js";

function findChromium(): string | null {
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    for (const dir of (process.env.PATH ?? "").split(delimiter)) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return null;
}

const CHROMIUM = findChromium();
const SKIP_NOTE = CHROMIUM ? "" : " [SKIPPED: no chromium binary on PATH; install it with apt-get install -y chromium]";

function chromium(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const profile = mkdtempSync(join(tmpdir(), "th-chromium-"));
  const r = spawnSync(
    CHROMIUM!,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${profile}`,
      "--enable-logging=stderr",
      "--v=0",
      "--window-size=1300,2200",
      ...args,
    ],
    { encoding: "utf8", timeout: 90_000 },
  );
  return { stdout: r.stdout ?? "", stderr: r.stderr ?? "", status: r.status };
}

/** Console lines Chromium logs for a page (errors, CSP refusals, or any console call). */
function consoleLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => /:CONSOLE[:(]/.test(l));
}

describe(`report.html in headless Chromium${SKIP_NOTE}`, () => {
  it.skipIf(!CHROMIUM)(
    "loads without console errors, every chart has a non-zero size, and a screenshot renders",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "th-report-browser-"));
      const r = runCli([
        "report",
        "--config",
        "fixtures/config/acme.config.yaml",
        "--out",
        dir,
        "--as-of",
        "2026-11-05",
        "--paths",
        "1000",
      ]);
      expect(r.code, r.stderr).toBe(0);
      const reportPath = join(dir, "report.html");

      // Positive control: a page with a console error and a refused external image is detected.
      const bad = join(dir, "control.html");
      writeFileSync(
        bad,
        `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><img src="https://example.invalid/x.png"><p>control</p></body></html>`,
      );
      const control = chromium(["--dump-dom", pathToFileURL(bad).href]);
      expect(control.stdout).toContain("control");
      expect(consoleLines(control.stderr).length).toBeGreaterThan(0);

      // 1. The report as written: no console line at all.
      const plain = chromium(["--dump-dom", pathToFileURL(reportPath).href]);
      expect(plain.stdout).toContain('id="chart-usage"');
      expect(consoleLines(plain.stderr)).toEqual([]);

      // 2. Chart sizes, measured in a copy with a measuring script (and a CSP that lets that one script run).
      const html = readFileSync(reportPath, "utf8");
      const probe = `<script>(function(){var out=[].map.call(document.querySelectorAll("svg.chart"),function(s){var b=s.getBoundingClientRect();return{id:s.id,width:b.width,height:b.height,marks:s.querySelectorAll("polyline,polygon,rect.bar,circle").length};});var pre=document.createElement("pre");pre.id="measure";pre.textContent=JSON.stringify(out);document.body.appendChild(pre);})();</script>`;
      const measured = join(dir, "measure.html");
      writeFileSync(
        measured,
        html
          .replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
          .replace("</body>", `${probe}</body>`),
      );
      const dom = chromium(["--dump-dom", pathToFileURL(measured).href]).stdout;
      const text = /<pre id="measure">([^<]*)<\/pre>/.exec(dom)?.[1];
      expect(text, "the measuring script ran").toBeDefined();
      const charts = JSON.parse(
        text!
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&"),
      ) as { id: string; width: number; height: number; marks: number }[];
      expect(charts.map((c) => c.id).sort()).toEqual([
        "chart-contracts",
        "chart-curve",
        "chart-distribution",
        "chart-usage",
      ]);
      for (const c of charts) {
        expect(c.width, c.id).toBeGreaterThan(100);
        expect(c.height, c.id).toBeGreaterThan(50);
        expect(c.marks, c.id).toBeGreaterThan(0);
      }

      // 3. A screenshot (PNG signature, not empty).
      const png = join(dir, "report.png");
      chromium([`--screenshot=${png}`, pathToFileURL(reportPath).href]);
      expect(existsSync(png)).toBe(true);
      expect(statSync(png).size).toBeGreaterThan(20_000);
      expect(readFileSync(png).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    },
    240_000,
  );
});
