/** The tool's version (`--version`, the report's audit block, internal-error messages). */
export const VERSION = "0.1.0";
