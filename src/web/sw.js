// The app's service worker: caches this release's files so that, after one visit, the app loads
// and works with no network. `cargo xtask build` fills in VERSION and ASSETS; each release has
// its own cache, and the old one is deleted when the new worker takes over.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `dra-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dra-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: from the network when there is one, so a new release shows on the next visit;
    // offline, the page this release cached when it was installed (never a newer page, whose
    // files this cache would not have).
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match('./'))));
    return;
  }
  // Hashed files never change: the cache first, the network for anything else.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
