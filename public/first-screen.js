// Runs in <head> before the page is first drawn: a classic script, so it holds that paint, and it is tiny.
//
// It serves the app (index.html) and the embeddable player (embed.html and each preset's embed-<id>.html,
// <html data-page="embed">).
//
// 1. The colour theme: in the app the saved preference, or else the system's (src/ui/store/theme.ts); in
//    the player the address's `?theme=`, or else the system's (src/embed/options.ts). It is set here because
//    the first screen is in the page's HTML, and must never be drawn in the other theme first.
// 2. The build prerenders the first preset's first screen into both pages and marks the page
//    <html data-first-screen="<preset>">. When this address or this browser's saved state opens something
//    else (another scenario or step, an edited scenario's link, present mode, the speaker notes, saved
//    drafts), the mark is removed: the stylesheet hides that screen and the page renders its own
//    (src/ui/common/mountPage.tsx).
// 3. The page's scripts. Where the build has prerendered the first screen, it lists them in
//    <meta name="pod-journey-after-paint"> instead of loading them with the HTML (scripts/prerenderPlugin.ts):
//    they are requested once that screen has been drawn, so it is drawn from the HTML and stylesheets
//    alone, and at once when this address opens another screen.
// 4. Clicks on the prerendered screen before the page has adopted it: its buttons are drawn but do nothing
//    yet. They are kept (window.podJourneyEarlyClicks, at most 10) until the page takes the list as React
//    starts listening, and replayed once it has adopted the screen, whose elements are these same ones
//    (src/ui/common/mountPage.tsx).
(function () {
  var html = document.documentElement;
  var query = new URLSearchParams(location.search);
  var embed = html.getAttribute('data-page') === 'embed';
  var theme = null;
  var drafts = false;
  if (embed) theme = query.get('theme');
  else
    try {
      theme = localStorage.getItem('pod-journey.theme.v1');
      drafts = localStorage.getItem('pod-journey.drafts') !== null;
    } catch {
      // Storage is disabled or refused: the system's theme, and no drafts.
    }
  var dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  html.setAttribute('data-theme', dark ? 'dark' : 'light');

  // A scenario's own player page (embed-<id>.html, <html data-scenario="<id>">) opens that scenario: an
  // address that names no journey is given its route, which the store then reads.
  var own = html.getAttribute('data-scenario');
  if (own && !isRoute(location.hash)) history.replaceState(history.state, '', '#/scenario/' + own);

  var first = html.getAttribute('data-first-screen');
  if (first) {
    var hash = location.hash;
    var path = hash.replace(/\/$/, '');
    var same = !isRoute(hash) || path === '#/scenario/' + first;
    if (!same || drafts || query.has('present') || query.has('notes')) html.removeAttribute('data-first-screen');
  }

  var plan = document.querySelector('meta[name="pod-journey-after-paint"]');
  if (plan) load(JSON.parse(plan.getAttribute('content')), html.hasAttribute('data-first-screen'));
  if (html.hasAttribute('data-first-screen')) keepEarlyClicks();

  function isRoute(hash) {
    return hash.indexOf('#/scenario/') === 0 || hash.indexOf('#/s/') === 0;
  }

  function keepEarlyClicks() {
    var early = (window.podJourneyEarlyClicks = []);
    function keep(e) {
      // Once the app takes the list, React hears clicks itself.
      if (window.podJourneyEarlyClicks !== early) return document.removeEventListener('click', keep, true);
      var root = document.getElementById('root');
      var control = e.target instanceof Element && e.target.closest('button, [role="tab"], [role="radio"]');
      if (!root || !control || !root.contains(control) || control.disabled) return;
      if (early.length < 10) early.push(control);
    }
    document.addEventListener('click', keep, true);
  }

  function load(files, afterPaint) {
    var preloaded = false;
    var started = false;
    // The scripts' files, fetched (and compiled) in parallel with the rest of the page: for another screen
    // at once, as the HTML would have had them; for the prerendered one once it is drawn. With them the
    // journey's recorded run: the first screen's, or the preset the address names (as the store reads
    // src/ui/store/route.ts), which the page would otherwise request only once its scripts have run.
    function preload() {
      if (preloaded) return;
      preloaded = true;
      var run = afterPaint ? files.fetch : routeRun(files.runs || {});
      run.forEach(function (href) {
        add('link', { rel: 'preload', as: 'fetch', href: href, crossOrigin: 'anonymous' });
      });
      files.modules.concat(afterPaint ? [] : [files.script]).forEach(function (href) {
        add('link', { rel: 'modulepreload', href: href, crossOrigin: 'anonymous' });
      });
    }
    function start() {
      if (started) return;
      started = true;
      preload();
      add('script', { type: 'module', src: files.script, crossOrigin: 'anonymous' });
    }
    // A preset's address, at any step, whose run the build recorded; none for saved drafts, which the app
    // opens from the catalog.
    function routeRun(runs) {
      var preset = /^#\/scenario\/([a-z0-9][a-z0-9-]{0,62})(\/step\/[1-9][0-9]{0,5})?\/?$/.exec(location.hash);
      return preset && !drafts && Object.prototype.hasOwnProperty.call(runs, preset[1]) ? [runs[preset[1]]] : [];
    }
    function add(tag, props) {
      var el = document.createElement(tag);
      for (var k in props) el[k] = props[k];
      document.head.appendChild(el);
    }
    // After the document is parsed (the app's script reads #root) and, for the prerendered screen, once
    // its first contentful paint has been presented (Paint Timing; where there is none, after the next
    // frame), as src/ui/common/afterPaint.ts waits for the pod card. A tab opened in the background
    // paints nothing until it is shown, so the scripts start after three seconds all the same.
    function parsed() {
      if (!afterPaint) return start();
      var later = function () {
        setTimeout(start, 0);
      };
      setTimeout(start, 3000);
      var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
      if (!types || types.indexOf('paint') < 0) return requestAnimationFrame(later);
      var observer = new PerformanceObserver(function (list) {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        later();
      });
      observer.observe({ type: 'paint', buffered: true });
    }
    if (!afterPaint) preload();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', parsed);
    else parsed();
  }
})();
