/**
 * `tokenhedge init`, driven through the real @inquirer/prompts on a pseudo-terminal: util-linux
 * `script` runs the real binary on a pty, the test types keys into it once each prompt appears.
 * Plus the paths without a terminal: exit 2 naming the flags, --yes, --force, and a config that
 * `report` accepts.
 */
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfigText } from "../../src/config/parse-file.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const BIN = join(ROOT, "bin/tokenhedge");
const HAS_SCRIPT = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
const PTY_NOTE = HAS_SCRIPT ? "" : " [SKIPPED: util-linux `script` is not installed, so no pseudo-terminal]";

/** A directory holding copies of the Acme inputs, as a user's project would. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "th-init-"));
  for (const f of [
    "usage.csv",
    "token-curve.csv",
    "token-contract.json",
    "gpu-curve.csv",
    "gpu-contract.json",
    "policy.json",
  ])
    copyFileSync(join(ROOT, "fixtures/acme", f), join(dir, f));
  return dir;
}

// Terminal escape sequences (colour, cursor moves) stripped before matching: ESC [ … letter.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

interface Step {
  /** Wait until the screen shows this, then type `keys`. */
  when: RegExp;
  keys: string;
}

/** Run `tokenhedge init ARGS` on a pseudo-terminal, answering each prompt as it appears. */
function drive(
  cwd: string,
  args: string[],
  steps: Step[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; screen: string }> {
  const quoted = [process.execPath, BIN, "init", ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    TERM: "xterm",
    NO_COLOR: "1",
    COLUMNS: "160",
    // init checks the config at the as-of date (src/cli/wizard/check.ts): a fixed one keeps the fixtures' last day
    // (2026-10-31) within maxStaleDays, so no "write anyway?" question appears as the calendar moves on.
    TOKENHEDGE_AS_OF: "2026-11-05",
    ...env,
  };
  if (!("CI" in env)) delete childEnv.CI;
  delete childEnv.TOKENHEDGE_CONFIG;
  const child = spawn("script", ["-qfec", quoted, "/dev/null"], { cwd, env: childEnv });
  let screen = "";
  // Woken by each chunk of output (no polling): a step starts as soon as its prompt is on the screen.
  let wake: () => void = () => undefined;
  child.stdout.on("data", (d: Buffer) => {
    screen += d.toString("utf8");
    wake();
  });
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  const shown = (when: RegExp, from: number): Promise<void> =>
    new Promise((res, rej) => {
      const timer = setTimeout(
        () => rej(new Error(`no prompt matching ${when} after 30 s; screen:\n${screen.replace(ANSI, "")}`)),
        30_000,
      );
      wake = () => {
        if (!when.test(screen.slice(from).replace(ANSI, ""))) return;
        clearTimeout(timer);
        wake = () => undefined;
        res();
      };
      wake();
    });
  return (async () => {
    let seen = 0;
    for (const step of steps) {
      await shown(step.when, seen);
      seen = screen.length;
      // Let the prompt finish drawing before typing.
      await new Promise((r) => setTimeout(r, 150));
      child.stdin.write(step.keys);
    }
    const code = await exited;
    return { code, screen: screen.replace(ANSI, "") };
  })();
}

const ENTER = "\r";
const DOWN = "\x1b[B";
const CTRL_C = "\x03";

describe(`init on a terminal (real prompts on a pty)${PTY_NOTE}`, () => {
  it.skipIf(!HAS_SCRIPT)(
    "accepting every default writes a config with the found files, a ladder policy and the suggested budget",
    async () => {
      const dir = project();
      const { code, screen } = await drive(
        dir,
        [],
        [
          { when: /Usage file/, keys: ENTER },
          { when: /Futures curve/, keys: ENTER },
          { when: /Contract spec/, keys: ENTER },
          { when: /Hedge policy/, keys: ENTER },
          { when: /Target ratios/, keys: ENTER },
          { when: /Budget/, keys: ENTER },
        ],
      );
      expect(code, screen).toBe(0);
      // the wizard looked at the usage file: format, a preview and the date range
      expect(screen).toMatch(/format: .*columns date=date, tokens=tokens/);
      expect(screen).toMatch(/2025-03-01,claude-sonnet-4,cached_input,13408161,4\.02/);
      expect(screen).toMatch(/date range: 2025-03-01 … 2026-10-31 \(610 days/);
      expect(screen).toMatch(/Plan: Hedges [\d.]+% .* with \d+ contracts/);
      expect(screen).toMatch(/wrote hedge\.config\.yaml/);
      const cfg = parseConfigText(readFileSync(join(dir, "hedge.config.yaml"), "utf8"), "hedge.config.yaml");
      expect(cfg.usage).toEqual({ file: "usage.csv" });
      expect(cfg.curve).toBe("token-curve.csv");
      expect(cfg.contract).toBe("token-contract.json");
      expect(typeof cfg.policy === "object" && cfg.policy.ladder.map((r) => r.ratio)).toEqual([0.8, 0.6, 0.4, 0.25]);
      expect(cfg.budget).toBeGreaterThan(0);
      // and report accepts it
      const r = runCli([
        "report",
        "--config",
        join(dir, "hedge.config.yaml"),
        "--out",
        join(dir, "out"),
        "--as-of",
        "2026-11-05",
        "--paths",
        "500",
      ]);
      expect(r.code, r.stderr).toBe(0);
    },
    90_000,
  );

  it.skipIf(!HAS_SCRIPT)(
    "typed answers: a wrong path is refused in place, a flat ratio chosen with the arrow keys, a budget typed",
    async () => {
      const dir = project();
      const { code, screen } = await drive(
        dir,
        [],
        [
          { when: /Usage file/, keys: "\x15nope.csv" + ENTER }, // Ctrl-U clears the default first
          { when: /no such file: nope\.csv/, keys: "\x15usage.csv" + ENTER },
          { when: /Futures curve/, keys: ENTER },
          { when: /Contract spec/, keys: ENTER },
          { when: /Hedge policy/, keys: DOWN + ENTER },
          { when: /Hedge ratio in %/, keys: "\x7f\x7f50" + ENTER },
          { when: /Budget/, keys: "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f2500000" + ENTER },
        ],
      );
      expect(code, screen).toBe(0);
      const cfg = parseConfigText(readFileSync(join(dir, "hedge.config.yaml"), "utf8"), "hedge.config.yaml");
      expect(cfg.ratio).toBe(0.5);
      expect(cfg.policy).toBeUndefined();
      expect(cfg.budget).toBe(2500000);
    },
    90_000,
  );

  it.skipIf(!HAS_SCRIPT)(
    "never replaces an existing config without asking: answering no writes another file",
    async () => {
      const dir = project();
      writeFileSync(join(dir, "hedge.config.yaml"), "# mine\ncurve: token-curve.csv\n");
      const { code, screen } = await drive(
        dir,
        [],
        [
          { when: /Usage file/, keys: ENTER },
          { when: /Futures curve/, keys: ENTER },
          { when: /Contract spec/, keys: ENTER },
          { when: /Hedge policy/, keys: ENTER },
          { when: /Target ratios/, keys: ENTER },
          { when: /Budget/, keys: ENTER },
          { when: /hedge\.config\.yaml exists\. Replace it\?/, keys: "n" + ENTER },
          { when: /Write the config to/, keys: ENTER },
        ],
      );
      expect(code, screen).toBe(0);
      expect(readFileSync(join(dir, "hedge.config.yaml"), "utf8")).toBe("# mine\ncurve: token-curve.csv\n");
      expect(existsSync(join(dir, "hedge.config.new.yaml"))).toBe(true);
    },
    90_000,
  );

  it.skipIf(!HAS_SCRIPT)(
    "a ladder the plan cannot meet (100/70/50/30): asks before lowering a band floor; no, then no: nothing written",
    async () => {
      const dir = project();
      const { code, screen } = await drive(
        dir,
        [],
        [
          { when: /Usage file/, keys: ENTER },
          { when: /Futures curve/, keys: ENTER },
          { when: /Contract spec/, keys: ENTER },
          { when: /Hedge policy/, keys: ENTER },
          { when: /Target ratios/, keys: "\x15" + "100,70,50,30" + ENTER },
          { when: /Budget/, keys: ENTER },
          { when: /Lower those band floors to what the plan reaches\?/, keys: "n" + ENTER },
          { when: /Write the config anyway\?/, keys: "n" + ENTER },
        ],
      );
      expect(code, screen).toBe(0);
      expect(screen).toContain("months 1-3: band floor 84% instead of 90%");
      expect(screen).toContain("hedgeRatioBand 2027-02 (tenor 3): 84.8%, limit 90% – 100%");
      expect(screen).toContain("nothing written");
      expect(existsSync(join(dir, "hedge.config.yaml"))).toBe(false);
    },
    90_000,
  );

  it.skipIf(!HAS_SCRIPT)(
    "a ladder the plan cannot meet: yes to lowering writes the lower floor, and check passes",
    async () => {
      const dir = project();
      const { code, screen } = await drive(
        dir,
        [],
        [
          { when: /Usage file/, keys: ENTER },
          { when: /Futures curve/, keys: ENTER },
          { when: /Contract spec/, keys: ENTER },
          { when: /Hedge policy/, keys: ENTER },
          { when: /Target ratios/, keys: "\x15" + "100,70,50,30" + ENTER },
          { when: /Budget/, keys: ENTER },
          { when: /Lower those band floors to what the plan reaches\?/, keys: ENTER },
        ],
      );
      expect(code, screen).toBe(0);
      const cfg = parseConfigText(readFileSync(join(dir, "hedge.config.yaml"), "utf8"), "hedge.config.yaml");
      expect(typeof cfg.policy === "object" && cfg.policy.ladder[0]!.min).toBe(0.84);
      const chk = runCli(["check", "--config", "hedge.config.yaml", "--as-of", "2026-11-05"], { cwd: dir });
      expect(chk.code, chk.stdout + chk.stderr).toBe(0);
    },
    90_000,
  );

  it.skipIf(!HAS_SCRIPT)(
    "Ctrl-C exits 130 without a stack trace and writes nothing",
    async () => {
      const dir = project();
      const { code, screen } = await drive(dir, [], [{ when: /Usage file/, keys: CTRL_C }]);
      expect(code).toBe(130);
      expect(screen).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack frames
      expect(screen).not.toMatch(/ExitPromptError|internal error/);
      expect(existsSync(join(dir, "hedge.config.yaml"))).toBe(false);
    },
    60_000,
  );

  it.skipIf(!HAS_SCRIPT)(
    "on a terminal but in CI it does not prompt: exit 2 naming the flags",
    async () => {
      const dir = project();
      const { code, screen } = await drive(dir, [], [], { CI: "true" });
      expect(code).toBe(2);
      expect(screen).toMatch(/--yes --usage FILE --curve FILE --contract FILE/);
      expect(screen).not.toMatch(/\? Usage file/);
    },
    60_000,
  );
});

describe("init without a terminal", () => {
  it("exits 2 and names the flags to pass", () => {
    const dir = project();
    const r = runCli(["init"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(r.stderr).toMatch(/--yes --usage FILE --curve FILE --contract FILE/);
    expect(existsSync(join(dir, "hedge.config.yaml"))).toBe(false);
  });

  it("--yes accepts every default with no prompt; the config it writes drives report", () => {
    const dir = project();
    const r = runCli(["init", "--yes"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/wrote hedge\.config\.yaml/);
    const rep = runCli(
      ["report", "--config", "hedge.config.yaml", "--out", "out", "--as-of", "2026-11-05", "--paths", "500"],
      { cwd: dir },
    );
    expect(rep.code, rep.stderr).toBe(0);
    expect(existsSync(join(dir, "out/report.html"))).toBe(true);
    const chk = runCli(["check", "--config", "hedge.config.yaml", "--as-of", "2026-11-05"], { cwd: dir });
    expect(chk.code, chk.stdout + chk.stderr).toBe(0);
    // The costs init quotes are plan's, to the cent (each month rounded, then summed); the budget is the company's
    // own cost + 10%, rounded up to two significant figures.
    const quoted = /Forecast cost at the company's own price: \$([\d,.]+) \(\$([\d,.]+) at the curve prices\)/.exec(
      r.stderr,
    );
    expect(quoted, r.stderr).not.toBeNull();
    const plan = runCli(["plan", "--config", "hedge.config.yaml", "--json"], { cwd: dir });
    const totals = (JSON.parse(plan.stdout) as { company: { totals: { companyCost: number; indexCost: number } } })
      .company.totals;
    expect(Number(quoted![1]!.replaceAll(",", ""))).toBe(totals.companyCost);
    expect(Number(quoted![2]!.replaceAll(",", ""))).toBe(totals.indexCost);
    const budget = Number(/^budget: (\d+)/m.exec(readFileSync(join(dir, "hedge.config.yaml"), "utf8"))?.[1]);
    expect(budget).toBe(Math.ceil((totals.companyCost * 1.1) / 100_000) * 100_000);
  });

  it("--yes with flags: paths are written relative to the config file", () => {
    const dir = project();
    const r = runCli(
      [
        "init",
        "--yes",
        "--usage",
        join(dir, "usage.csv"),
        "--curve",
        join(dir, "gpu-curve.csv"),
        "--contract",
        join(dir, "gpu-contract.json"),
        "--ratio",
        "0.5",
        "--budget",
        "123456",
        "--out",
        join(dir, "cfg/h.yaml"),
      ],
      { cwd: ROOT },
    );
    expect(r.code, r.stderr).toBe(0);
    const cfg = parseConfigText(readFileSync(join(dir, "cfg/h.yaml"), "utf8"), "h.yaml");
    expect(cfg).toMatchObject({
      usage: { file: "../usage.csv" },
      curve: "../gpu-curve.csv",
      contract: "../gpu-contract.json",
      ratio: 0.5,
      budget: 123456,
    });
  });

  it("never replaces an existing file with --yes unless --force", () => {
    const dir = project();
    writeFileSync(join(dir, "hedge.config.yaml"), "# mine\n");
    const r = runCli(["init", "--yes"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("hedge.config.yaml: already exists; not replaced");
    // Refused before any planning: no plan printed for a config that will not be written.
    expect(r.stderr).not.toMatch(/Plan: /);
    expect(readFileSync(join(dir, "hedge.config.yaml"), "utf8")).toBe("# mine\n");
    expect(runCli(["init", "--yes", "--force"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "hedge.config.yaml"), "utf8")).toMatch(/^# tokenhedge config/);
  });

  it("--yes in a directory with no usage file names the flag", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-init-empty-"));
    const r = runCli(["init", "--yes"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no usage CSV found/);
    expect(r.stderr).toMatch(/--usage FILE/);
  });
});

describe("init helpers", () => {
  it("parseLadder reads percentages, one per 3-month bucket", async () => {
    const { parseLadder, ladderPolicy, roundBudget } = await import("../../src/cli/actions/init.js");
    expect(parseLadder("80, 60,40%,25")).toEqual([80, 60, 40, 25]);
    expect(() => parseLadder("80,120")).toThrow(/--ladder/);
    expect(() => parseLadder("")).toThrow(/--ladder/);
    const p = ladderPolicy([80, 5]);
    expect(p.ladder).toEqual([
      { fromMonth: 1, toMonth: 3, ratio: 0.8, min: 0.7, max: 0.9 },
      { fromMonth: 4, toMonth: 6, ratio: 0.05, min: 0, max: 0.15 }, // band clipped at 0
    ]);
    // two significant figures, rounded up: 3,014,000 → 3,100,000; 999 → 1,000; 12,000 stays
    expect([roundBudget(3_014_000), roundBudget(999), roundBudget(12_000), roundBudget(0)]).toEqual([
      3_100_000, 1000, 12_000, 0,
    ]);
  });
});
