import { HedgeError } from "../../src/errors.js";

/** Run fn and return the HedgeError it throws; fail the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): HedgeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HedgeError) return e;
    throw e;
  }
  throw new Error("expected a HedgeError");
}
