/** Statistics used across tokenhedge: descriptive statistics, distributions, OLS and sample quantiles. */
export * from "./descriptive.js";
export * from "./quantile.js";
export * from "./regression.js";
export { normalCdf, normalPdf, normalQuantile, normalSurvival } from "./normal.js";
export { studentTCdf, studentTPdf, studentTQuantile, studentTSurvival, studentTTwoSidedPValue } from "./student-t.js";
export { fCdf, fSurvival } from "./f-distribution.js";
export {
  erf,
  erfc,
  incompleteBetaTails,
  incompleteGammaTails,
  logGamma,
  regularizedIncompleteBeta,
} from "./special-functions.js";
export type { BetaTails, GammaTails } from "./special-functions.js";
