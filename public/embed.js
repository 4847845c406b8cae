// ilo-factsheet on any page. Include once (a module, so no inline script):
//   <script type="module" src="https://…/embed.js"></script>
// and every <div data-ilo-factsheet data-view="map" …> or
// <ilo-factsheet view="map" …> becomes a widget, also when added later;
// removed ones are unmounted, changed attributes update them.
//
// This file keeps a stable name; the build (scripts/embed-assets.mjs) fills
// in the content-hashed names of the wasm, its JS glue and the stylesheet
// (FILES), all resolved against this script's own URL, not the page's, and
// the widget's rules this script must know before the wasm runs (PROTOCOL:
// the options, views, colour schemes, languages, event names), which are
// written once, in Rust (`embed::Protocol` in crates/core); nothing here
// repeats them. The wasm is fetched and started once per page, however many
// widgets there are. Each widget renders into its own shadow root with the
// stylesheet adopted there. In our iframe page (embed.html, [data-ilo-frame])
// the widget takes its options from the frame's URL and posts its height to
// the parent page, where this script resizes the frame.
//
// Content before the wasm: a widget showing the bundled sheet's default
// state shows a copy prerendered by the build at once (on our own page it
// is already in the HTML, in a declarative shadow root; elsewhere it is the
// view's fragment, fetched beside the wasm). The live widget renders out of
// sight and takes its place in the frame it is drawn (PROTOCOL.ready_event),
// at the same size, so nothing moves. Its host then carries data-ilo-ready.
//
// The editors' preview page (preview.html, [data-ilo-preview]) is mounted
// the same way, by the wasm's `preview`, with its own stylesheet beside the
// widget's; it reads a local file and fetches no sheet.
//
// In four parts: assets (the wasm, stylesheets, fragments, preloads), choosing
// the copy (what a widget will show), lifecycle (mount, show, unmount) and
// frame height; `start` sets them going once per page.

const SCRIPT = new URL(import.meta.url);
const BASE = new URL('./', SCRIPT).href;
const FILES = /*ILO_FILES*/{ js: 'ilo-factsheet-web.js', wasm: 'ilo-factsheet-web_bg.wasm', css: 'ilo-factsheet.css', preview: 'ilo-preview.css' };
const PROTOCOL = /*ILO_PROTOCOL*/{};
const SELECTOR = 'ilo-factsheet, [data-ilo-factsheet], [data-ilo-preview]';
const KEY = Symbol.for('ilo-factsheet');

// ---- Assets -----------------------------------------------------------------

const url = (name) => new URL(name, BASE).href;
const fetched = (name) => fetch(url(name))
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status} for ${r.url}`))));

// The started wasm module, once asked for.
let app;
const load = () => (app ??= import(url(FILES.js)).then(async (glue) => {
  await glue.default({ module_or_path: url(FILES.wasm) });
  return glue;
}));

// Stylesheets by name, once asked for.
const sheets = {};
const styles = (name) => (sheets[name] ??= fetched(name).then((text) => {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
}));

// A prerendered fragment (one request per file), its links pointed at our site.
const fragments = new Map();
function fragment(file) {
  if (!fragments.has(file)) {
    const base = BASE.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    fragments.set(file, fetched(file).then((html) => html.replaceAll(PROTOCOL.placeholder, base)));
  }
  return fragments.get(file);
}

// Trusted Types. Two things here turn markup into nodes: a prerendered
// fragment (our build's, from our site; parsed inert by DOMParser, never
// innerHTML) and the wasm, whose Leptos views build their static parts from
// template markup compiled into it (its glue sets that through `html` below:
// scripts/build-wasm.mjs). A host page that enforces Trusted Types refuses a
// plain string; the first refusal makes a policy named 'ilo-factsheet', and
// markup goes through it from then on (a host that lists its allowed
// policies adds it to `trusted-types`). Where even that is refused, a
// fragment is skipped (the live widget comes as usual) and the widget says
// it could not start.
let policy;
function sink(use, markup) {
  if (policy) return use(policy.createHTML(markup));
  try {
    return use(markup);
  } catch (error) {
    if (!globalThis.trustedTypes) throw error;
    policy = globalThis.trustedTypes.createPolicy('ilo-factsheet', { createHTML: (m) => m });
    return use(policy.createHTML(markup));
  }
}
const parse = (markup) => [...new DOMParser().parseFromString(markup, 'text/html').body.childNodes];
function nodes(markup) {
  try {
    return sink(parse, markup);
  } catch {
    return [];
  }
}
const html = (el, markup) => sink((m) => { el.innerHTML = m; }, markup);

// The bundled sheet, asked for beside the wasm (once), when a widget shows
// it: the wasm's own request for it is then answered from the preload.
let preloaded = false;
const preloads = new Set();
function preload(name) {
  if (preloads.has(name)) return;
  preloads.add(name);
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: url(name) });
  link.crossOrigin = 'anonymous';
  document.head.append(link);
}
function preloadData(el, key) {
  const ask = asked(el, key);
  // The interface's words too, in any language but English (built in).
  const words = FILES.i18n?.[language(ask)];
  if (words) preload(words);
  if (preloaded || ask.has('src') || ask.has('data')) return;
  preloaded = true;
  preload(PROTOCOL.data);
}

// ---- Choosing the copy --------------------------------------------------------

const isPreview = (el) => el.hasAttribute('data-ilo-preview');
const isWidget = (el) => el.localName === 'ilo-factsheet' || el.hasAttribute('data-ilo-factsheet') || isPreview(el);
const inFrame = (el) => el.hasAttribute('data-ilo-frame');

// The element's options as a query: `view=map&country=KEN,TJK`.
function attributes(el) {
  if (inFrame(el)) return location.search.slice(1);
  const own = el.localName === 'ilo-factsheet';
  const parts = [];
  for (const name of PROTOCOL.options) {
    const value = (own ? el.getAttribute(name) : null) ?? el.getAttribute(`data-${name}`);
    if (value !== null) parts.push(`${name}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`);
  }
  return parts.join('&');
}

// Whether the widget mirrors its state in our page's URL (as embed::Options reads url-sync).
function isSync(el, key) {
  const sync = new URLSearchParams(key).get('url-sync');
  return !inFrame(el) && sync !== null && !PROTOCOL.url_sync_off.includes(sync.trim());
}
const asked = (el, key) => new URLSearchParams(isSync(el, key) || inFrame(el) ? location.search : key);

// Which prerendered copy shows what this widget will: 'page' (ours, in the
// HTML), the file of a view's fragment (for our page or for embeds), or
// null (the state is not the default one).
function prerendered(el, key) {
  const sync = isSync(el, key);
  const ask = asked(el, key);
  const other = PROTOCOL.state.some((name) => ask.has(name) && name !== 'lang'
    && !(name === 'theme' && !sync && PROTOCOL.schemes.includes(ask.get(name))));
  const view = ask.get('view') ?? PROTOCOL.views[0];
  if (other || !PROTOCOL.views.includes(view)) return null;
  const lang = language(ask);
  const english = lang === PROTOCOL.languages[0];
  if (sync && view === PROTOCOL.views[0] && english) return 'page';
  const hash = (sync ? FILES.pages : FILES.views)?.[lang]?.[view];
  return hash ? `ilo-factsheet-${sync ? 'page-' : ''}${view}${english ? '' : `-${lang}`}-${hash}.html` : null;
}

// The interface language the widget will speak (as i18n::Lang::choose does):
// the one asked for, else the reader's first that has a catalogue, else
// English. Traditional Chinese is not Simplified (PROTOCOL.not_spoken).
function spoken(tag) {
  const [primary, ...rest] = String(tag).trim().toLowerCase().replace(/_/g, '-').split('-');
  const has = primary === PROTOCOL.languages[0] || FILES.i18n?.[primary];
  const variety = PROTOCOL.not_spoken.some(([lang, subtag]) => lang === primary && rest.includes(subtag));
  return has && !variety ? primary : null;
}
const language = (ask) => spoken(ask.get('lang') ?? '') ?? (navigator.languages ?? []).map(spoken).find(Boolean)
  ?? PROTOCOL.languages[0];

// ---- Lifecycle -------------------------------------------------------------------

const widgets = new Map(); // element → { key, handle, pre }
const pending = new Set();

function schedule(el) {
  if (!pending.size) queueMicrotask(flush);
  pending.add(el);
}

// After the DOM settles (a widget moved is removed and added in one task).
function flush() {
  for (const el of pending) {
    const entry = widgets.get(el);
    if (!el.isConnected || !isWidget(el)) {
      if (entry) unmount(el, entry);
    } else if (!entry) {
      mount(el);
    } else {
      const key = attributes(el);
      if (key !== entry.key) {
        entry.key = key;
        entry.handle?.update(key);
      }
    }
  }
  pending.clear();
}

// After the next paint (a rendering update, then a task), or soon anyway.
const painted = () => new Promise((done) => {
  requestAnimationFrame(() => setTimeout(done));
  setTimeout(done, 500);
});

async function mount(el) {
  // The iframe page: its colour scheme comes with its URL (?theme=dark).
  const scheme = inFrame(el) && new URLSearchParams(location.search).get('theme');
  if (PROTOCOL.schemes.includes(scheme)) el.dataset.theme = scheme;
  const entry = { key: attributes(el), handle: null, pre: null };
  widgets.set(el, entry);
  let root;
  try {
    root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  } catch (error) {
    return failed(el, el, new Error(`a <${el.localName}> cannot hold a widget; use a <div> (${error.message})`));
  }
  const want = !isPreview(el) && prerendered(el, entry.key);
  // (`:scope >` does not reach a shadow root's own children.)
  const child = (test) => [...root.children].find(test);
  const inline = child((c) => c.hasAttribute('data-ilo-prerendered'));
  const container = document.createElement('div');
  if (inline && want === 'page') {
    entry.pre = inline;
  } else if (inline) {
    // Our page's copy shows the default state; this URL asks for another.
    entry.pre = document.createElement('div');
    entry.pre.dataset.iloPrerendered = '';
    const skeleton = child((c) => c.localName === 'template' && c.hasAttribute('data-ilo-skeleton'));
    if (skeleton) entry.pre.append(skeleton.content.cloneNode(true));
    inline.replaceWith(entry.pre);
  }
  if (inline) {
    child((c) => c.localName === 'template')?.remove();
  } else {
    root.replaceChildren();
  }
  root.append(container);
  // The live widget draws out of sight until it is ready, at the same width.
  container.addEventListener(PROTOCOL.ready_event, () => show(el, entry, container));
  const linked = child((c) => c.localName === 'link' && c.rel === 'stylesheet');
  const copy = want && want !== 'page' ? fragment(want).catch(() => null) : null;
  try {
    const names = isPreview(el) ? [FILES.css, FILES.preview] : [FILES.css];
    const css = linked ? [] : await Promise.all(names.map(styles)).catch((error) => console.error('ilo-factsheet: no stylesheet', error));
    const adopt = (css ?? []).filter((s) => !root.adoptedStyleSheets.includes(s));
    if (adopt.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...adopt];
    const html = copy && await copy;
    if (html && widgets.get(el) === entry && !entry.handle && !el.hasAttribute('data-ilo-ready')) {
      // In place of the skeleton, if one shows.
      if (!entry.pre) {
        entry.pre = document.createElement('div');
        entry.pre.dataset.iloPrerendered = '';
        container.before(entry.pre);
      }
      entry.pre.replaceChildren(...nodes(html));
    }
    if (entry.pre) {
      hide(container, entry.pre);
      await painted();
    }
    if (!isPreview(el)) preloadData(el, entry.key);
    const glue = await load();
    if (widgets.get(el) !== entry) return; // removed while loading
    entry.handle = isPreview(el)
      ? glue.preview(container, { base: BASE, i18n: FILES.i18n ?? {} })
      : glue.mount(container, { attributes: entry.key, base: BASE, frame: inFrame(el), i18n: FILES.i18n ?? {} });
    if (inFrame(el)) postHeight(el);
  } catch (error) {
    failed(el, container, error);
  }
}

// (Inert as well: the widget's root resets `visibility`, and nothing out
// of sight may take focus or be read out.)
function hide(container, pre) {
  container.inert = true;
  Object.assign(container.style, {
    position: 'absolute', visibility: 'hidden', height: '0', overflow: 'hidden', width: `${pre.offsetWidth}px`,
  });
}

// The live widget is drawn: it takes the prerendered copy's place.
function show(el, entry, container) {
  entry.pre?.remove();
  entry.pre = null;
  container.removeAttribute('style');
  container.inert = false;
  el.setAttribute('data-ilo-ready', '');
}

function unmount(el, entry) {
  widgets.delete(el);
  entry.handle?.unmount();
  el.shadowRoot?.replaceChildren();
  el.removeAttribute('data-ilo-ready');
}

// Never a blank widget: say so where the widget would be.
function failed(el, where, error) {
  console.error('ilo-factsheet: the widget could not start', error);
  if (widgets.has(el)) widgets.get(el).handle = null;
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.className = 'boot-error';
  alert.textContent = `The fact sheet could not start in this browser (${error?.message ?? error}).`;
  where.replaceChildren(alert);
  // Above a prerendered copy, which stays readable.
  const pre = widgets.get(el)?.pre;
  if (where !== el) {
    where.removeAttribute('style');
    where.inert = false;
  }
  if (pre && where !== el) pre.before(where);
}

// ---- Frame height ----------------------------------------------------------------

// In our iframe page: tell the parent page the widget's height, up and down.
// (Browsers may not lay out a cross-origin frame far out of view: its
// height comes once it is scrolled near.)
function postHeight(el) {
  if (parent === window) return;
  const id = new URLSearchParams(location.search).get('id') ?? '';
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(el.getBoundingClientRect().height);
    if (height !== last) parent.postMessage({ type: PROTOCOL.height_message, id, height: (last = height) }, '*');
  }).observe(el);
}

// On a host page: our iframes take the height their content posts.
function takeHeight(event) {
  const { data } = event;
  if (event.origin !== SCRIPT.origin || data?.type !== PROTOCOL.height_message || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.min(Math.max(data.height, 0), 100000)}px`;
  }
}

// ---- Start -------------------------------------------------------------------------

function start() {
  addEventListener('message', takeHeight);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (isWidget(record.target) || widgets.has(record.target)) schedule(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.matches(SELECTOR)) schedule(node);
        node.querySelectorAll(SELECTOR).forEach(schedule);
      }
      if (record.removedNodes.length) for (const el of widgets.keys()) if (!el.isConnected) schedule(el);
    }
  }).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-ilo-factsheet', 'data-ilo-preview', ...PROTOCOL.options, ...PROTOCOL.options.map((name) => `data-${name}`)],
  });

  // <ilo-factsheet> inside other components' shadow roots, out of the observer's reach.
  if (!customElements.get('ilo-factsheet')) {
    customElements.define('ilo-factsheet', class extends HTMLElement {
      connectedCallback() { schedule(this); }
      disconnectedCallback() { schedule(this); }
    });
  }
  document.querySelectorAll(SELECTOR).forEach(schedule);
  // (`html` is what the wasm's glue sets markup with: see Trusted Types above.)
  return { widgets, html };
}

// Twice on one page (two snippets with different URLs) still means once.
globalThis[KEY] ??= start();
