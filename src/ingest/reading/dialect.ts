/**
 * A usage dialect (the shared reading flags, or the config's `usage:` section) → the engine's options.
 * The names are canonical already (option-names.ts); only the tab and the space become characters here.
 * The mapping file is the shell's to read, so it is not part of the result.
 */
import type { IngestOptions } from "./options.js";
import type { UsageDialect } from "./option-names.js";

export function dialectIngestOptions(d: UsageDialect): Omit<IngestOptions, "file"> {
  return {
    ...(d.format !== undefined ? { format: d.format } : {}),
    ...(d.dateFormat !== undefined ? { dateFormat: d.dateFormat } : {}),
    ...(d.delimiter !== undefined ? { delimiter: d.delimiter === "tab" ? "\t" : d.delimiter } : {}),
    ...(d.decimal !== undefined ? { decimal: d.decimal } : {}),
    ...(d.thousands !== undefined ? { thousands: d.thousands === "space" ? " " : d.thousands } : {}),
    ...(d.tz !== undefined ? { tz: d.tz } : {}),
    ...(d.onError !== undefined ? { onError: d.onError } : {}),
    ...(d.containment !== undefined ? { containment: d.containment } : {}),
    ...(d.dedupe === true ? { dedupe: true } : {}),
    ...(d.excludeCredits === true ? { excludeCredits: true } : {}),
    ...(d.currency !== undefined ? { currency: d.currency } : {}),
  };
}
