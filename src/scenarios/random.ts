/**
 * Re-export of the ziggurat normal stream, whose home is src/stats/ziggurat.ts. Kept only so that
 * src/book/liquidity.ts (owned by another change) keeps compiling; new code imports src/stats/ziggurat.ts.
 */
export { NormalStream, SEED_OFFSET } from "../stats/ziggurat.js";
