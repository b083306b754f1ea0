// The first-visit budget (issue 11, "Static first"): everything Chromium
// fetches on a cold load of the page, the HTML included, as brotli bodies.
// Defined here only: specs/size.test.mjs measures against it, `cargo xtask
// sizes` reads it for its table's footnote (xtask/src/sizes.rs), and a tidy
// test (xtask/src/tidy.rs) checks that README.md and ARCHITECTURE.md say it.

// Raised from 175 KB to 184 KB in session 9, measured: the parser learned
// the layouts and meta of issue 23 (+9.7 KB of wasm for the speaker rules;
// the meta's rules, +5.4 KB, left the first visit: the page reads the
// seed's meta from the pre-render). The page still parses the seed itself,
// so every speaker rule is in the first visit; handing the page the seed's
// structure from the pre-render takes the whole parser out and is the way
// back under 175 KB (issue 24 keeps that target).
/** 184 KB, counted strictly as 184 × 1000 bytes. */
export const FIRST_VISIT_BUDGET_BYTES = 184_000;
