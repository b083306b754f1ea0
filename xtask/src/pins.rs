//! The versions of the build tools, in one place.
//!
//! `setup` installs and checks these. The files that cannot read them
//! (`Cargo.toml`, `Cargo.lock`, `Trunk.toml`, `xtask/tools/package.json` and
//! its lockfile, README.md) repeat them; the tidy test (`tidy.rs`, in the
//! `core` tier) fails, naming both files, when one of them disagrees.
//! To move a pin: change it here, run `cargo test -p xtask tidy`, and update
//! each file it names.

/// trunk, from crates.io (`cargo install trunk --version … --locked`).
pub const TRUNK: &str = "0.21.14";

/// wasm-bindgen: the crate (`wasm-bindgen = "=…"` in Cargo.toml), the CLI
/// Trunk runs (`[tools] wasm_bindgen` in Trunk.toml) and
/// `wasm-bindgen-test-runner`, which must all be the same version.
pub const WASM_BINDGEN: &str = "0.2.130";

/// binaryen from npm (`xtask/tools/package.json`), whose `wasm-opt` reports
/// the major version; Trunk.toml pins it as `wasm_opt = "version_<major>"`.
/// Not Debian bookworm's binaryen 108: it writes the export of wasm-bindgen's
/// externref table (the module's second table) with the index of the first,
/// and the app then fails at start-up with "WebAssembly.Table.set(): Argument
/// 1 is invalid for table".
pub const BINARYEN: &str = "132.0.0";

/// esbuild from npm (`xtask/tools/package.json`): minifies wasm-bindgen's JS
/// in Trunk's post-build hook.
pub const ESBUILD: &str = "0.24.2";

/// workbox-build from npm (`xtask/tools/package.json`): writes the service
/// worker in Trunk's post-build hook (`generateSW`). 7.x runs on Node 20.
pub const WORKBOX_BUILD: &str = "7.4.1";

/// lighthouse from npm (`tests/e2e/package.json`): the Lighthouse gates of
/// the e2e tier and `cargo xtask bench web`, on Debian's Chromium. 12.2.3:
/// npm ci refuses the lockfiles later 12.x write here, and 13 wants Node 22.
pub const LIGHTHOUSE: &str = "12.2.3";

/// The version `wasm-opt --version` reports (`wasm-opt version 132 (version_132)`).
pub fn wasm_opt() -> &'static str {
    BINARYEN.split('.').next().unwrap_or(BINARYEN)
}

#[cfg(test)]
mod tests {
    #[test]
    fn wasm_opt_is_binaryens_major_version() {
        let major = super::wasm_opt();
        assert!(
            !major.is_empty() && major.bytes().all(|b| b.is_ascii_digit()),
            "{major}"
        );
        assert!(
            super::BINARYEN.starts_with(&format!("{major}.")),
            "{}",
            super::BINARYEN
        );
    }
}
