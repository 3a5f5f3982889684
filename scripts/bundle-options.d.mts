// Types of scripts/bundle-options.mjs, for the tests that bundle the CLI in memory.
import type { BuildOptions, Plugin } from "esbuild";

export const directImports: Plugin;
export const lazyRe2js: Plugin;
export function re2jsBundleOptions(root: string, outdir: string): BuildOptions;
export function cliBundleOptions(root: string, outdir: string): BuildOptions;
export function workerBundleOptions(root: string, outdir: string): BuildOptions;
export function cliGraphOptions(root: string, outdir: string): BuildOptions;
