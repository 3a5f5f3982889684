/**
 * `report --pdf`: report.pdf printed from report.html by headless Chromium (its print stylesheet:
 * A4 pages, landscape for the widest tables). The browser is found through TOKENHEDGE_CHROMIUM, else
 * chromium, chromium-browser, google-chrome or google-chrome-stable on PATH; it runs offline (the page's
 * Content-Security-Policy refuses every external resource, and background networking is off) with a
 * timeout. The PDF is made before the report directory is written, and joins the same atomic write.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { HedgeError } from "../errors.js";

export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] as const;
const TIMEOUT_MS = 120_000;

/** The Chromium binary to print with, or null: TOKENHEDGE_CHROMIUM when set (it must exist), else the first of CHROMIUM_NAMES on PATH. */
export function findChromium(env: Record<string, string | undefined>): string | null {
  const override = env.TOKENHEDGE_CHROMIUM;
  if (override) return existsSync(override) ? override : null;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of CHROMIUM_NAMES) {
      const p = join(dir, name);
      if (existsSync(p) && statSync(p).isFile()) return p;
    }
  }
  return null;
}

/** Print `html` to PDF bytes with headless Chromium; exit 4 (IO_ERROR) when no browser is found or it fails. */
export function renderPdf(html: string, env: Record<string, string | undefined>): Uint8Array {
  const browser = findChromium(env);
  if (!browser) {
    const where = env.TOKENHEDGE_CHROMIUM
      ? `TOKENHEDGE_CHROMIUM=${env.TOKENHEDGE_CHROMIUM} does not exist`
      : `none of ${CHROMIUM_NAMES.join(", ")} is on PATH`;
    throw new HedgeError("IO_ERROR", `report --pdf needs headless Chromium: ${where}`, {
      expected: "a Chromium or Chrome binary",
      hint: "install it (Debian: apt-get install chromium) or set TOKENHEDGE_CHROMIUM=/path/to/chromium; without --pdf the report is written as HTML and Markdown",
    });
  }
  const work = mkdtempSync(join(tmpdir(), "tokenhedge-pdf-"));
  try {
    const page = join(work, "report.html");
    const pdf = join(work, "report.pdf");
    writeFileSync(page, html);
    const r = spawnSync(
      browser,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        `--user-data-dir=${join(work, "profile")}`,
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ],
      { encoding: "utf8", timeout: TIMEOUT_MS, stdio: ["ignore", "pipe", "pipe"] },
    );
    if (r.error || !existsSync(pdf)) {
      const why = r.error
        ? r.error.message.includes("ETIMEDOUT")
          ? `timed out after ${TIMEOUT_MS / 1000} s`
          : r.error.message
        : `exited ${String(r.status)} without writing a PDF`;
      throw new HedgeError("IO_ERROR", `report --pdf: ${browser} ${why}`, {
        hint: "run without --pdf, or set TOKENHEDGE_CHROMIUM to another Chromium binary",
      });
    }
    return new Uint8Array(readFileSync(pdf));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
