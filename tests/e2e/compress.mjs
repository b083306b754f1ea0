// Brotli as a host that pre-compresses serves it: quality 11 (what the size
// table's `brotli -q 11` counts), each file compressed once, before the
// server answers (`precompress`): compressing on the first request took
// the server up to a second for the app's wasm, which held back every
// request behind it and made the first of the benchmark's runs slow, and
// Lighthouse estimates the server's response time from what it saw. Shared by the
// e2e harness (helpers.mjs, `serveDist({ brotli: true })`, which the size
// spec uses) and the Lighthouse server (lighthouse.mjs); neither imports
// the other (helpers.mjs loads node:test, lighthouse.mjs Lighthouse).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Extensions a host does not compress again: their formats are compressed already. */
export const PRECOMPRESSED = new Set(['.png', '.jpg', '.ico', '.woff2']);

/** Does a request with these headers, for `file`, get brotli? */
export function wantsBrotli(headers, file) {
  return /\bbr\b/.test(headers['accept-encoding'] || '') && !PRECOMPRESSED.has(path.extname(file));
}

// Brotli of each served file, by path, size and modification time.
const cache = new Map();

/** `body` (the bytes of `file`) compressed with brotli at quality 11, once per version of the file. */
export function brotliOf(file, body) {
  const { mtimeMs, size } = fs.statSync(file);
  const key = `${file}\0${mtimeMs}\0${size}`;
  if (!cache.has(key)) {
    cache.set(key, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return cache.get(key);
}

/**
 * Compresses, once, every file under `root` that a brotli request would get compressed (see `brotliOf`);
 * with `only`, those whose path under `root` it keeps.
 */
export function precompress(root, only = () => true) {
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : [p];
    });
  for (const file of walk(root)) {
    if (!PRECOMPRESSED.has(path.extname(file)) && only(path.relative(root, file))) brotliOf(file, fs.readFileSync(file));
  }
}
