/** How the company's price follows the index (src/company/basis.ts explains each): the names alone, for --basis. */
export type BasisMethod = "sticky" | "regression" | "index";
export const BASIS_METHODS: readonly BasisMethod[] = ["sticky", "regression", "index"];
