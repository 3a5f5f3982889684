/** What the report model is built from (report.ts builds it; report-memo.ts drafts the memo from it). */
import type { ContractSpec } from "../../curve/contract.js";
import type { CurveAnalysis } from "../../curve/shape.js";
import type { CurvePoint } from "../../curve/parse-curve.js";
import type { ExposureForecast } from "../../hedge/exposure.js";
import type { HedgePlan } from "../../hedge/plan.js";
import type { HedgePolicy } from "../../hedge/policy.js";
import type { UsageSeries } from "../../ingest/types.js";
import type { ScenarioResult, TwistResult } from "../../scenarios/grid.js";
import type { SimulationResult } from "../../scenarios/simulate.js";
import type { EffectivenessResult } from "../../effectiveness/index.js";
import type { CheckSummary } from "../../config/rules.js";
import type { EffectivenessInputInfo } from "./effectiveness.js";
import type { AccountingChoice } from "./report-accounting.js";

export interface ReportInputFile {
  role: string;
  path: string;
  sha256: string;
  bytes: number;
}

export interface ReportParameter {
  key: string;
  value: unknown;
  source: string;
}

export interface ReportSimulationInput {
  result: SimulationResult;
  confidence: number;
  costAtRisk: number;
  volatility: number;
  volatilitySource: string;
}

export interface ReportInput {
  title: string;
  entity: string | null;
  toolVersion: string;
  asOf: string;
  seed: number;
  configFile: string | null;
  inputs: ReportInputFile[];
  parameters: ReportParameter[];
  series: UsageSeries;
  exposure: ExposureForecast;
  curve: { file: string; points: CurvePoint[]; analysis: CurveAnalysis };
  spec: ContractSpec;
  policy: HedgePolicy;
  plan: HedgePlan;
  scenarios: ScenarioResult[];
  /** The curve twists at DEFAULT_TWIST, as `scenarios` runs them by default. */
  twists: TwistResult[];
  simulation: ReportSimulationInput | null;
  check: CheckSummary | null;
  effectiveness: { input: EffectivenessInputInfo; result: EffectivenessResult } | null;
  budget: number | null;
  /** The accounting framework chosen (--framework) and what the purchase contract references; null when not chosen. */
  accounting?: AccountingChoice | null;
  warnings: string[];
}

/** The report's audit block: the run's provenance, taken as it is from the input. */
export type ReportAudit = Pick<ReportInput, "toolVersion" | "asOf" | "seed" | "configFile" | "inputs" | "parameters">;
