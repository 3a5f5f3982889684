/** `tokenhedge effectiveness`'s action (its options: commands/effectiveness.ts). */
import { HedgeError } from "../../errors.js";
import { effectivenessCsv, effectivenessDocument, effectivenessHuman } from "../../report/views/effectiveness.js";
import type { EffectivenessSettings } from "../../pipeline/index.js";
import { loadEffectiveness } from "../effectiveness-read.js";
import { emit, warn, type OutputFlags } from "../output.js";
import type { CommandEnv } from "../commands/shared.js";
import { parseBook } from "../../book/book.js";
import type { Framework } from "../../effectiveness/relationship.js";
import type { ResolvedConfig } from "../../config/index.js";
import { frameworkDocument, frameworkHuman } from "../../report/views/effectiveness-framework.js";
import { readTextFile } from "../files.js";

export interface EffectivenessFlags extends OutputFlags, Omit<Partial<EffectivenessSettings>, "book"> {
  config?: string;
  framework?: Framework;
  book?: string;
  /** The config (--config, TOKENHEDGE_CONFIG or hedge.config.yaml), when one is in play. */
  resolvedConfig?: ResolvedConfig;
}

export function effectivenessAction(env: CommandEnv) {
  return (flags: EffectivenessFlags): void => {
    const { ctx } = env;
    if (!flags.history) {
      throw new HedgeError("USAGE_MISSING_FLAG", "missing --history", {
        expected: "--history FILE (or effectiveness.history in the config)",
        hint: "e.g. --history fixtures/effectiveness/worked-values.csv",
      });
    }
    // A config's designated R² (thresholds.minEffectiveness.rSquared) is the test's, as in check and report.
    const configMinRSquared = flags.resolvedConfig?.values.thresholds?.minEffectiveness?.rSquared;
    // --framework, else the config's report.framework (the one the report's memo states).
    const framework = flags.framework ?? flags.resolvedConfig?.values.report?.framework ?? null;
    const settings: EffectivenessSettings = {
      history: flags.history,
      ...(flags.changes !== undefined ? { changes: flags.changes } : {}),
      ...(flags.contracts !== undefined ? { contracts: flags.contracts } : {}),
      ...(flags.contractSize !== undefined ? { contractSize: flags.contractSize } : {}),
      ...(flags.exposure !== undefined ? { exposure: flags.exposure } : {}),
      ...(flags.quoteUnitSize !== undefined ? { quoteUnitSize: flags.quoteUnitSize } : {}),
      ...(flags.regress !== undefined ? { regress: flags.regress } : {}),
      ...(flags.side !== undefined ? { side: flags.side } : {}),
      ...(configMinRSquared !== undefined ? { minRSquared: configMinRSquared } : {}),
      ...(flags.book !== undefined ? { book: parseBook(readTextFile(flags.book, ctx.cwd), flags.book) } : {}),
    };
    const { input, result } = loadEffectiveness(ctx, settings);
    warn(ctx, result.warnings);
    emit(
      ctx,
      flags,
      {
        json: () => ({
          ...effectivenessDocument(input, result),
          ...frameworkDocument(result, framework),
          ...(flags.book ? { book: flags.book } : {}),
        }),
        csv: () => effectivenessCsv(result),
        human: () => effectivenessHuman(input, result, ctx.colour) + frameworkHuman(result, framework),
      },
      [settings.history, ...(flags.config ? [flags.config] : []), ...(flags.book ? [flags.book] : [])],
    );
  };
}
