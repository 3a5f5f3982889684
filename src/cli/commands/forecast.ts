import { Command } from "commander";
import { forecastExposure } from "../../hedge/exposure.js";
import { forecastCsv, forecastDocument, forecastHuman } from "../../report/views/forecast.js";
import { loadUsage } from "../inputs.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { addForecastOptions, type CommandEnv } from "./shared.js";

interface ForecastFlags extends OutputFlags {
  horizon: number;
  seed: number;
  map?: string;
}

export function forecastCommand(env: CommandEnv): Command {
  const cmd = new Command("forecast")
    .description("forecast monthly token usage with 80% / 95% intervals (model chosen on a holdout of the last months)")
    .argument("<file>", "usage CSV");
  return env.output(addForecastOptions(cmd, 12)).action((file: string, flags: ForecastFlags) => {
    const { ctx } = env;
    const series = loadUsage(ctx, file, flags.map);
    const exposure = forecastExposure(series, { horizon: flags.horizon, seed: flags.seed });
    warn(ctx, exposure.forecast.warnings);
    emit(ctx, flags, {
      json: () => forecastDocument(exposure),
      csv: () => forecastCsv(exposure),
      human: () => forecastHuman(exposure, ctx.colour),
    }, [file]);
  });
}
