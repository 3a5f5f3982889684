/**
 * What the forecast behind a plan found and was told: level shifts and outages detected, the events given
 * (`--events`), the volume plan's blend (`--volume-plan`) and the drivers sentence. One paragraph in the human
 * views of `plan` and `report`, one `forecastNotes` object in their JSON (the `forecast` command prints the same
 * figures in its own layout).
 */
import type { AppliedEvent, BlendMonth, ForecastResult } from "../../forecast/index.js";
import { wrap } from "./forecast.js";

export interface ForecastNotes {
  /** The drivers sentence: trend, seasonality, level shifts, outages, events, volume plan and why this model. */
  sentence: string;
  levelShifts: string[];
  outages: string[];
  events: AppliedEvent[];
  volumePlan: { file?: string; defaultWeight: number; months: BlendMonth[] } | null;
}

export function forecastNotes(forecast: ForecastResult): ForecastNotes {
  const d = forecast.drivers;
  return {
    sentence: d.sentence,
    levelShifts: d.levelShifts,
    outages: d.outages,
    events: forecast.events ?? [],
    volumePlan: forecast.volumePlan
      ? {
          ...forecast.volumePlan,
          months: forecast.volumePlan.months.map((m) => ({
            ...m,
            statistical: Math.round(m.statistical),
            mean: Math.round(m.mean),
          })),
        }
      : null,
  };
}

/** The paragraph for a terminal: "forecast: <sentence>", wrapped at 110 columns, after a blank line. */
export function forecastNotesHuman(forecast: ForecastResult): string {
  return `\n${wrap(`forecast: ${forecast.drivers.sentence}`, 110, "")}\n`;
}
