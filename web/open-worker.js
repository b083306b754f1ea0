// The reader's transcripts opened off the page's thread (see
// panels/src/library/worker.rs): this module worker loads the panels'
// module, whose files the page names in each job, reads a file's bytes, and
// has the module decode and parse them. It answers each job by its id: a
// stage ('parsing') as it goes, then what the module's `prepare` returned,
// or why it failed. The page starts one for each transcript it opens.
let module;
addEventListener('message', async ({ data }) => {
  const { id, script, wasm, file, text, name } = data;
  try {
    module ??= import(script).then(async (m) => {
      await m.default(wasm ? { module_or_path: wasm } : undefined);
      return m;
    });
    const m = await module;
    let bytes = null;
    if (file) {
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        postMessage({ id, done: ['unreadable'] });
        return;
      }
    }
    postMessage({ id, stage: 'parsing' });
    const done = m.prepare(bytes, text ?? null, name ?? null);
    // The structure's bytes are handed over, not copied.
    postMessage({ id, done }, done.filter((x) => x instanceof Uint8Array).map((x) => x.buffer));
  } catch (e) {
    module = undefined;
    postMessage({ id, failed: String(e?.message ?? e) });
  }
});
