import { Command, Option } from "commander";
import { DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, scenarioGrid, type VolumeCase } from "../../scenarios/grid.js";
import { scenariosCsv, scenariosDocument, scenariosHuman } from "../../report/views/scenarios.js";
import { parseShockList, parseVolumeCases } from "../options.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { addPlanOptions, loadPlan, type PlanFlags } from "../plan-inputs.js";
import type { CommandEnv } from "./shared.js";

interface ScenarioFlags extends PlanFlags, OutputFlags {
  shocks: number[];
  volumes: VolumeCase[];
  months?: boolean;
}

export function scenariosCommand(env: CommandEnv): Command {
  const cmd = new Command("scenarios")
    .description("P&L of the hedge plan under price shocks × volume cases: unhedged cost, futures P&L, hedged cost, effective USD/Mtok")
    .argument("<file>", "usage CSV");
  return env
    .output(addPlanOptions(cmd))
    .addOption(new Option("--shocks <list>", "settlement price shocks against the curve, in %").argParser(parseShockList).default([...DEFAULT_PRICE_SHOCKS], "-50,-25,0,25,50,100"))
    .addOption(
      new Option("--volumes <list>", "volume cases: p10, p50, p90, mean")
        .argParser(parseVolumeCases)
        .default([...DEFAULT_VOLUME_CASES], "p10,p50,p90"),
    )
    .option("--months", "include the per-month breakdown in --json")
    .action((file: string, flags: ScenarioFlags) => {
      const { ctx } = env;
      const { plan, exposure, files } = loadPlan(ctx, file, flags);
      warn(ctx, [...exposure.forecast.warnings, ...plan.warnings]);
      const results = scenarioGrid(plan, flags.shocks, flags.volumes);
      emit(ctx, flags, {
        json: () => scenariosDocument(plan, results, Boolean(flags.months)),
        csv: () => scenariosCsv(results),
        human: () => scenariosHuman(plan, results, ctx.colour),
      }, files);
    });
}
