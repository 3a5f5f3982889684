/**
 * The layers of src/, checked by `npm run lint:deps` (part of `npm test`):
 *  - the core (everything outside src/cli/) never imports the shell (src/cli/), nor Node's I/O modules;
 *  - curve/, hedge/ and ingest/ sit below config/ (config/ composes their schemas), so they never import it;
 *  - no import cycles anywhere.
 * Type-only imports count too: a layer that needs another's types depends on it.
 */
/* global module */
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-cli",
      comment:
        "The core is pure and knows nothing of the command line: the shell (src/cli/) calls the core, never the reverse.",
      severity: "error",
      from: { path: "^src/(?!cli/)" },
      to: { path: "^src/cli/" },
    },
    {
      name: "core-imports-node-io",
      comment: "The core does no I/O: files, processes and the network are the shell's (src/cli/).",
      severity: "error",
      from: { path: "^src/(?!cli/)" },
      to: {
        dependencyTypes: ["core"],
        path: "^(node:)?(fs|fs/promises|child_process|net|http|https|process|readline|os)$",
      },
    },
    {
      name: "lower-layer-imports-config",
      comment: "curve/, hedge/ and ingest/ are below config/ (the config schema is built from theirs).",
      severity: "error",
      from: { path: "^src/(curve|hedge|ingest)/" },
      to: { path: "^src/config/" },
    },
    {
      name: "no-circular",
      comment: "A cycle means two modules are one module: split out what both need.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
