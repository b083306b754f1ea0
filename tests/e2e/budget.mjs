// The first-visit budget (issue 11, "Static first"): everything Chromium
// fetches on a cold load of the page, the HTML included, as brotli bodies.
// Defined here only: specs/size.test.mjs measures against it, `cargo xtask
// sizes` reads it for its table's footnote (xtask/src/sizes.rs), and a tidy
// test (xtask/src/tidy.rs) checks that README.md and ARCHITECTURE.md say it.

// 175 KB again since issue 24 (it was 184 KB for a while, measured: the
// page parsed the seed itself, so every speaker rule of issue 23 was in
// the first visit, +9.7 KB of wasm). The pre-render now hands the page the
// seed's structure beside its text, and the page's wasm has no parser:
// 151.6 KB measured.
/** 175 KB, counted strictly as 175 × 1000 bytes. */
export const FIRST_VISIT_BUDGET_BYTES = 175_000;
