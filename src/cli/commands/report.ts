/** `tokenhedge report`: the options; the action (actions/report.ts) loads when it runs. */
import { Command, Option } from "commander";
import { asOfOption, confidenceOption, pathsOption, seedOption } from "../options.js";
import { addConfigOption } from "../config-flags.js";
import { addKnowledgeOptions } from "../forecast-knowledge-flags.js";
import { addUsageReadOptions } from "../usage-flags.js";
import { lazyAction, type CommandEnv } from "./shared.js";
import { SAVED_PLAN_HELP } from "../saved-plan-flags.js";

export function reportCommand(env: CommandEnv): Command {
  const cmd = addUsageReadOptions(addKnowledgeOptions(addConfigOption(new Command("report"))))
    .description(
      "the monthly report: report.md, a self-contained report.html with charts, report.json and CSV tables (and report.xlsx with --xlsx), with an audit block and a hedge designation memo",
    )
    .option("--out <dir>", "directory to write the report into (created if missing)")
    .addOption(
      asOfOption("the report date (default: today, UTC); the only value that changes between identical reruns"),
    )
    .addOption(seedOption("seed of every random draw (default: the config's, else 42)"))
    .addOption(pathsOption("Monte Carlo paths (default: the config's simulation.paths)"))
    .addOption(
      confidenceOption(
        "level of the headline Cost-at-Risk, e.g. 0.9 or 90% (default: the config's simulation.confidence, else 95%)",
      ),
    )
    .option("--json", "print the list of files written as JSON (the report itself is report.json)")
    .option(
      "--book <file>",
      "the hedge book already held (or book: in the config): the book's P&L and trades to target",
    )
    .option("--settlements <file>", "final settlement prices of delivered months (or settlements: in the config)")
    .option("--plan <file>", SAVED_PLAN_HELP)
    .option("--previous <dir>", "last month's report directory: adds a month-on-month section against its report.json")
    .addOption(
      new Option(
        "--framework <framework>",
        "accounting framework stated in the designation memo: asc815 or ifrs9",
      ).choices(["asc815", "ifrs9"]),
    )
    .option(
      "--pdf",
      "also write report.pdf, printed from report.html by headless Chromium (TOKENHEDGE_CHROMIUM, else chromium on PATH)",
    )
    .option(
      "--xlsx",
      "also write report.xlsx: the report's tables as one workbook, a sheet per table, figures as number cells",
    )
    .option("--excel", "write the CSV tables for Excel (UTF-8 byte-order mark, ASCII-only headers)")
    .option(
      "--references-index",
      "the purchase contract's price references the index: designate the price component (else the whole price risk)",
    )
    .addHelpText(
      "after",
      `
Examples:
  tokenhedge report --config fixtures/config/acme.config.yaml --out out/2026-11 --as-of 2026-11-05
  tokenhedge report --config hedge.config.yaml --plan plans/2026-11.json --out out/2026-12   (last month's saved plan on today's curve)
  0 6 2 * *  cd /srv/hedge && tokenhedge report --config hedge.config.yaml --out reports/$(date +\\%Y-\\%m)   (cron, monthly)`,
    );
  return cmd.action(lazyAction(async () => (await import("../actions/report.js")).reportAction(env)));
}
