/** YAML documents to plain values, bounded: shared by the config reader and the mapping-file reader. */
import type { Document } from "yaml";
import { HedgeError } from "../errors.js";

/**
 * The document's value, with alias expansion capped: a "billion laughs" alias bomb is bad input
 * (exit 3) at the file, not an internal error.
 */
export function yamlToJs(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof ReferenceError || err instanceof RangeError) {
      throw new HedgeError("INPUT_INVALID", `YAML aliases expand too far (${err.message})`, {
        file,
        expected: "a YAML document with few aliases (*name)",
        hint: "write the values out instead of repeating aliases",
      });
    }
    throw err;
  }
}
