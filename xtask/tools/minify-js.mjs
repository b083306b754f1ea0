// Trunk post_build hook (see Trunk.toml). In release builds it minifies the
// JS that wasm-bindgen wrote into Trunk's staging directory, with esbuild,
// and updates the subresource-integrity hashes index.html gives for it.
// (Trunk's own JS minifier cannot parse wasm-bindgen's
// `export { …, __wbg_init as default }` and leaves the files as they are.)
import { transformSync } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');

const scripts = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? scripts(p) : p.endsWith('.js') ? [p] : [];
  });
const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');

const htmlPath = path.join(staging, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');
let before = 0;
let after = 0;
for (const file of scripts(staging)) {
  const source = fs.readFileSync(file);
  const { code } = transformSync(source.toString('utf8'), {
    minify: true,
    format: 'esm',
    target: 'es2020',
    legalComments: 'none',
  });
  const minified = Buffer.from(code, 'utf8');
  fs.writeFileSync(file, minified);
  html = html.split(sri(source)).join(sri(minified));
  before += source.length;
  after += minified.length;
}
fs.writeFileSync(htmlPath, html);
console.log(`minify-js: ${before} → ${after} bytes of JS`);
