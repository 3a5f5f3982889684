/** The progress bar of `simulate`: its home is progress-bar.ts; this name is kept for cli/commands/simulate.ts. */
export { simulationProgressBar as progressBar } from "./progress-bar.js";
