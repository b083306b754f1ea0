// The first-visit budget (issue 11, "Static first"): everything Chromium
// fetches on a cold load of the page, the HTML included, as brotli bodies.
// Defined here only: specs/size.test.mjs measures against it, `cargo xtask
// sizes` reads it for its table's footnote (xtask/src/sizes.rs), and a tidy
// test (xtask/src/tidy.rs) checks that README.md and ARCHITECTURE.md say it.

/** 175 KB, counted strictly as 175 × 1000 bytes. */
export const FIRST_VISIT_BUDGET_BYTES = 175_000;
