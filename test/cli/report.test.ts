/**
 * `tokenhedge report`: the files, byte-identical reruns, the audit block, the designation memo,
 * escaping of input values (HTML, Markdown, CSV), and never writing over an input.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runCli } from "../helpers/run-cli.js";

const CFG = "fixtures/config/acme.config.yaml";

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

function report(out: string, extra: string[] = [], cwd = ROOT): ReturnType<typeof runCli> {
  return runCli(["report", "--config", CFG, "--out", out, "--as-of", "2026-11-05", ...extra], { cwd });
}

const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("report on the Acme config", () => {
  const dir = mkdtempSync(join(tmpdir(), "th-report-"));
  const a = join(dir, "a");
  const b = join(dir, "b");
  const first = report(a);
  const second = report(b);

  it("writes report.md, report.html, report.json, CSV tables and the chart SVGs", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(listFiles(a)).toEqual([
      "charts/contracts.svg",
      "charts/cost-distribution.svg",
      "charts/futures-curve.svg",
      "charts/usage-forecast.svg",
      "check.csv",
      "cost-distribution.csv",
      "curve.csv",
      "effectiveness.csv",
      "forecast.csv",
      "inputs.csv",
      "plan.csv",
      "report.html",
      "report.json",
      "report.md",
      "scenarios.csv",
    ]);
    expect(first.stderr).toMatch(/wrote 15 files/);
  });

  it("report.html carries a print stylesheet: no scroll boxes, a page break per section, small wrapped table type, landscape for the scenario grid", () => {
    const page = readFileSync(join(a, "report.html"), "utf8");
    const print = /@media print\{([\s\S]*?)\n\}/.exec(page)?.[1] ?? "";
    expect(print).toContain(".data{max-height:none;overflow:visible;border:0}");
    expect(print).toContain(
      "section{break-before:page}section#executive{break-before:auto;break-after:page}section#summary{break-before:auto}",
    );
    expect(print).toContain("table{font-size:7.5pt;table-layout:auto}");
    expect(print).toContain("th{position:static;white-space:normal}");
    expect(print).toContain("section#scenarios,section#audit{page:wide}");
    expect(page).toContain("@page wide{size:A4 landscape}");
    // the screen rules stay as they were: the scroll box exists on screen only
    expect(page).toContain(".data{max-height:330px;overflow:auto;border:1px solid #eee}");
  });

  it("a rerun with the same --as-of gives byte-identical files", () => {
    expect(second.code, second.stderr).toBe(0);
    for (const f of listFiles(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it("another --as-of changes the as-of date, and what depends on it (data staleness), nothing else", () => {
    const c = join(dir, "c");
    expect(runCli(["report", "--config", CFG, "--out", c, "--as-of", "2026-11-06"]).code).toBe(0);
    type Doc = { check: { rules: { rule: string; value: number }[] } };
    const ja = JSON.parse(readFileSync(join(a, "report.json"), "utf8")) as Doc;
    const jc = JSON.parse(readFileSync(join(c, "report.json"), "utf8").replaceAll("2026-11-06", "2026-11-05")) as Doc;
    const stale = (d: Doc) => d.check.rules.find((r) => r.rule === "maxStaleDays")!;
    expect([stale(ja).value, stale(jc).value]).toEqual([5, 6]); // 2026-10-31 → 11-05 and → 11-06
    stale(jc).value = 5;
    expect(jc).toEqual(ja);
  });

  const doc = JSON.parse(readFileSync(join(a, "report.json"), "utf8")) as {
    schemaVersion: number;
    asOf: string;
    audit: {
      toolVersion: string;
      seed: number;
      asOf: string;
      configFile: string;
      inputs: { role: string; path: string; sha256: string; bytes: number }[];
      parameters: { key: string; value: unknown; source: string }[];
    };
    designationMemo: { sections: { heading: string }[]; designations: { month: string; contracts: number }[] };
    plan: { months: { month: string; contracts: number }[] };
    summary: { costAtRisk: number; checkPass: boolean };
    simulation: {
      hedged: { costAtRisk95: number };
      distribution: { from: number; to: number; unhedged: number; hedged: number }[];
    };
  };

  it("the audit block: tool version, SHA-256 of every input, resolved parameters, seed and as-of", () => {
    expect(doc.schemaVersion).toBe(1);
    expect(doc.audit.toolVersion).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(doc.audit.seed).toBe(42);
    expect(doc.audit.asOf).toBe("2026-11-05");
    expect(doc.audit.configFile).toBe(CFG);
    expect(doc.audit.inputs.map((f) => f.role)).toEqual([
      "config",
      "usage",
      "curve",
      "contract",
      "policy",
      "effectiveness history",
    ]);
    for (const f of doc.audit.inputs) {
      expect(f.sha256).toBe(sha256(join(ROOT, f.path)));
      expect(f.bytes).toBe(readFileSync(join(ROOT, f.path)).length);
    }
    const param = (key: string) => doc.audit.parameters.find((p) => p.key === key);
    expect(param("seed")).toEqual({ key: "seed", value: 42, source: `config ${CFG}` });
    expect(param("simulation.paths")).toEqual({ key: "simulation.paths", value: 5000, source: `config ${CFG}` });
  });

  it("the designation memo documents objective, hedged item, instrument, ratio and effectiveness (ASC 815 / IFRS 9)", () => {
    expect(doc.designationMemo.sections.map((s) => s.heading)).toEqual([
      "Hedging relationship",
      "Risk-management objective and strategy",
      "Hedged item",
      "Hedging instrument",
      "Hedge ratio",
      "How effectiveness is assessed",
      "Sources of ineffectiveness",
    ]);
    expect(doc.designationMemo.designations.map((d) => [d.month, d.contracts])).toEqual(
      doc.plan.months.map((m) => [m.month, m.contracts]),
    );
    const md = readFileSync(join(a, "report.md"), "utf8");
    expect(md).toMatch(/ASC 815-20-25-3/);
    expect(md).toMatch(/### Risk-management objective and strategy/);
  });

  it("reports in the company's money: its cost beside the index cost, the basis, and the answer in JSON, Markdown and HTML", () => {
    const company = (
      JSON.parse(readFileSync(join(a, "report.json"), "utf8")) as {
        company: {
          priceSource: string;
          basis: { method: string };
          totals: { companyCost: number; indexCost: number };
          summary: string[];
        };
      }
    ).company;
    expect(company.priceSource).toBe("usage");
    // No company history in the Acme config: sticky, the futures hedge none of the company's price.
    expect(company.basis.method).toBe("sticky");
    // The company pays 2.3995 USD/Mtok against a curve of 2.10 → 1.55: its cost runs above the index cost.
    expect(company.totals.companyCost).toBeGreaterThan(company.totals.indexCost);
    expect(company.summary.join(" ")).toMatch(/these futures hedge none of its cost/);
    expect(readFileSync(join(a, "report.md"), "utf8")).toMatch(/## In the company's money/);
    expect(readFileSync(join(a, "report.html"), "utf8")).toMatch(
      /<section id="company"><h2>In the company's money<\/h2>/,
    );
  });

  it("the cost distribution shares sum to 1 for each of hedged and unhedged", () => {
    const sum = (k: "hedged" | "unhedged") => doc.simulation.distribution.reduce((s, b) => s + b[k], 0);
    expect(sum("hedged")).toBeCloseTo(1, 3);
    expect(sum("unhedged")).toBeCloseTo(1, 3);
    expect(doc.summary.costAtRisk).toBe(doc.simulation.hedged.costAtRisk95);
  });

  it("cost-distribution.csv leaves the open ends without a bound, as report.md's (below) and (above)", () => {
    const rows = readFileSync(join(a, "cost-distribution.csv"), "utf8").trim().split("\n").slice(1);
    const cells = rows.map((r) => r.split(","));
    const bins = doc.simulation.distribution;
    expect(cells).toHaveLength(bins.length);
    expect(cells[0]![0]).toBe("");
    expect(cells[0]![1]).toBe(String(bins[0]!.to));
    expect(cells[cells.length - 1]![0]).toBe(String(bins[bins.length - 1]!.from));
    expect(cells[cells.length - 1]![1]).toBe("");
    for (const c of cells.slice(1, -1)) expect(c[0] !== "" && c[1] !== "").toBe(true);
    const md = readFileSync(join(a, "report.md"), "utf8");
    expect(md).toContain("| (below) |");
    expect(md).toContain("| (above) |");
  });

  it("forecast.csv and report.json give a month an actual or a forecast, never both (the chart alone joins them)", () => {
    const csv = readFileSync(join(a, "forecast.csv"), "utf8").trim().split("\n").slice(1);
    const cells = csv.map((line) => line.split(","));
    expect(cells.filter((c) => c[1] !== "").length).toBeGreaterThan(12);
    expect(cells.filter((c) => c[2] !== "").length).toBeGreaterThan(11);
    for (const c of cells) expect(c[1] === "" || c.slice(2).every((x) => x === ""), c[0]).toBe(true);
    const doc = JSON.parse(readFileSync(join(a, "report.json"), "utf8")) as {
      usage: { rows: { month: string; actual: number | null; mean: number | null }[] };
    };
    for (const r of doc.usage.rows) expect(r.actual === null || r.mean === null, r.month).toBe(true);
  });

  it("runs the curve twists `scenarios` runs by default (±20%), with the same figures, in JSON, CSV, Markdown and HTML", () => {
    type Twist = { twist: string; twistAmount: number; volumeCase: string; futuresPnl: number; hedgedCost: number };
    const ours = (JSON.parse(readFileSync(join(a, "report.json"), "utf8")) as { twists: Twist[] }).twists;
    const r = runCli(["scenarios", "--config", CFG, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const theirs = (JSON.parse(r.stdout) as { twists: Twist[] }).twists;
    expect(ours).toHaveLength(6);
    const key = (t: Twist) => [t.volumeCase, t.twist, t.twistAmount, t.futuresPnl, t.hedgedCost];
    expect(ours.map(key)).toEqual(theirs.map(key));
    // A front-up twist pays the long hedge what front-down costs it.
    expect(ours[0]!.futuresPnl).toBeCloseTo(-ours[1]!.futuresPnl, 2);
    const csv = readFileSync(join(a, "scenarios.csv"), "utf8");
    expect(csv.split("\n").filter((l) => l.endsWith(",front-up,0.2") || l.endsWith(",front-down,0.2"))).toHaveLength(6);
    expect(readFileSync(join(a, "report.md"), "utf8")).toContain("### Curve twists");
    expect(readFileSync(join(a, "report.html"), "utf8")).toContain("<h3>Curve twists</h3>");
  });

  it("headings match report.md: no 'Hedge book' over the liquidity stress without a book, both with one", () => {
    const headings = (file: string, level: string) =>
      [...readFileSync(file, "utf8").matchAll(new RegExp(`^${level} (.+)$|<h2>([^<]+)</h2>`, "gm"))].map(
        (x) => x[1] ?? x[2],
      );
    expect(headings(join(a, "report.html"), "##")).not.toContain("Hedge book");
    expect(headings(join(a, "report.html"), "##")).toContain("Liquidity stress");
    expect(headings(join(a, "report.md"), "##")).not.toContain("Hedge book");
    const withBook = join(dir, "book");
    expect(report(withBook, ["--book", "fixtures/acme/book.csv"]).code).toBe(0);
    for (const file of ["report.html", "report.md"]) {
      const h = headings(join(withBook, file), "##");
      expect(h, file).toContain("Hedge book");
      expect(h.indexOf("Liquidity stress"), file).toBeGreaterThan(h.indexOf("Hedge book"));
    }
  });

  it("the HTML is self-contained: inline SVG charts, a table beside each, no script and no external resource", () => {
    const html = readFileSync(join(a, "report.html"), "utf8");
    for (const id of ["chart-usage", "chart-curve", "chart-contracts", "chart-distribution"]) {
      expect(html).toContain(`<svg class="chart" id="${id}"`);
      // the chart's figure holds a data table
      expect(html).toMatch(
        new RegExp(`<div class="figure"><svg class="chart" id="${id}"[\\s\\S]*?</svg><div class="data"><table>`),
      );
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
  });
});

describe("report: values from inputs are escaped; outputs never replace inputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "th-report-escape-"));
  for (const f of ["usage.csv", "token-contract.json", "policy.json"])
    copyFileSync(join(ROOT, "fixtures/acme", f), join(dir, f));
  // The curve is named curve.csv, the very name of one of the report's own CSV outputs.
  copyFileSync(join(ROOT, "fixtures/acme/token-curve.csv"), join(dir, "curve.csv"));
  writeFileSync(
    join(dir, "history.csv"),
    'period,hedge,item\n"=HYPERLINK(""http://x"")",100,-110\n@SUM(A1),-50,45\n2026-03,80,-90\n',
  );
  writeFileSync(
    join(dir, "hedge.config.yaml"),
    [
      "usage: usage.csv",
      "curve: curve.csv",
      "contract: token-contract.json",
      "policy: policy.json",
      "simulation: { paths: 500 }",
      "effectiveness: { history: history.csv }",
      "report:",
      `  title: "<img src=x onerror=alert(1)> | **bold** report"`,
      `  entity: "<script>alert('x')</script> & Sons \\"Ltd\\""`,
      "",
    ].join("\n"),
  );

  it("refuses an --out directory where an output would replace an input, and writes nothing", () => {
    const r = runCli(["report", "--config", join(dir, "hedge.config.yaml"), "--out", dir, "--as-of", "2026-11-05"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write curve.csv over the input file/);
    expect(existsSync(join(dir, "report.html"))).toBe(false);
  });

  const out = join(dir, "out");
  const r = runCli(["report", "--config", join(dir, "hedge.config.yaml"), "--out", out, "--as-of", "2026-11-05"]);

  it("HTML escapes the title and entity from the config", () => {
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons &quot;Ltd&quot;");
    expect(html).toContain("<title>&lt;img src=x onerror=alert(1)&gt; | **bold** report</title>");
  });

  it("Markdown escapes them too (no raw HTML, no table-breaking pipe)", () => {
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).not.toContain("<script>");
    expect(md.split("\n")[0]).toBe("# &lt;img src=x onerror=alert(1)&gt; \\| \\*\\*bold\\*\\* report");
  });

  it("CSV text cells that start like a formula are guarded; negative numbers are not", () => {
    const csv = readFileSync(join(out, "effectiveness.csv"), "utf8").split("\n");
    expect(csv[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",100,-110,/);
    expect(csv[2]).toMatch(/^'@SUM\(A1\),-50,45,/);
  });
});

describe("report: usage errors", () => {
  it("--out is required", () => {
    const r = runCli(["report", "--config", CFG]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --out/);
  });

  it("--json lists the files written", () => {
    const out = mkdtempSync(join(tmpdir(), "th-report-json-"));
    const r = runCli(["report", "--config", CFG, "--out", out, "--as-of", "2026-11-05", "--paths", "500", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: { path: string; bytes: number }[] };
    expect(doc.files.map((f) => f.path.slice(out.length + 1))).toContain("report.html");
    for (const f of doc.files) expect(readFileSync(f.path).length).toBe(f.bytes);
  });
});
