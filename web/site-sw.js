// The corpus site's service worker (`shilu site` writes it as sw.js; the
// app's own, which serves one page for every address, is not the site's).
// Pages and lists are fetched from the network first, a copy kept for
// offline use; files named after their content (-<16 hex>.) are served
// from the cache once fetched. An update waits until the reader takes it
// (web/loader.js's notice posts SKIP_WAITING).
const CACHE = 'shilu-site';
const hashed = /-[0-9a-f]{16}[._]/;
// Whole responses only: the search page reads the index by byte ranges
// (206), which a cache cannot hold; offline, a range asked of a file kept
// whole gets the whole file, which the page cuts (panels/src/search/fetch.rs).
const keep = (req, res) => {
  if (res.status === 200 && res.type === 'basic') {
    const copy = res.clone();
    caches.open(CACHE).then((c) => c.put(req, copy));
  }
  return res;
};
self.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'SKIP_WAITING') self.skipWaiting();
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (hashed.test(new URL(req.url).pathname)) {
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((res) => keep(req, res))));
  } else {
    e.respondWith(
      fetch(req)
        .then((res) => keep(req, res))
        .catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit || Response.error())),
    );
  }
});
