/**
 * The one chalk instance factory for renderers. chalk does not read NO_COLOR itself, so the caller
 * decides (cli/context.ts colourEnabled) and renderers get a chalk at level 0 (no escape codes at all)
 * or level 1 (16 colours).
 */
import { Chalk, type ChalkInstance } from "chalk";

export function makeChalk(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
