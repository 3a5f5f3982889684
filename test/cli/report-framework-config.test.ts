/** The accounting framework from the config (`report.framework`); --framework on the command line wins. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "tokenhedge-framework-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled config with its paths made absolute and the framework chosen in its report section. */
function configWith(framework: string): string {
  const acme = resolve("fixtures/acme") + "/";
  const text = readFileSync("fixtures/config/acme.config.yaml", "utf8")
    .replaceAll("../acme/", acme)
    .replace("  entity: Acme Corp", `  entity: Acme Corp\n  framework: ${framework}\n  referencesIndex: true`);
  const file = join(dir, `${framework}.config.yaml`);
  writeFileSync(file, text);
  return file;
}

const memo = (out: string) => readFileSync(join(out, "report.md"), "utf8");

describe("report.framework in the config", () => {
  it("ifrs9 in the config gives the IFRS 9 memo; --framework asc815 overrides it", () => {
    const cfg = configWith("ifrs9");
    const a = join(dir, "a");
    expect(runCli(["report", "--config", cfg, "--as-of", "2026-11-05", "--paths", "300", "--out", a]).code).toBe(0);
    expect(memo(a)).toContain("### Accounting framework");
    expect(memo(a)).toContain("IFRS 9");
    expect(memo(a)).not.toContain("ASU 2017-12");
    const b = join(dir, "b");
    expect(
      runCli([
        "report",
        "--config",
        cfg,
        "--as-of",
        "2026-11-05",
        "--paths",
        "300",
        "--out",
        b,
        "--framework",
        "asc815",
      ]).code,
    ).toBe(0);
    expect(memo(b)).toContain("ASU 2017-12");
  });

  it("an unknown framework in the config is a config error (exit 2) naming the key", () => {
    const r = runCli(["report", "--config", configWith("gaap"), "--out", join(dir, "c")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/framework/);
  });
});
