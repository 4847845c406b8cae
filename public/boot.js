// Starts the WebAssembly app without any inline script, so the page can run
// under a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
// Trunk replaces the rust <link> with <meta name="ilo-factsheet-wasm"> carrying
// the hashed names of the wasm-bindgen JS and the .wasm (Trunk.toml
// pattern_script); the modulepreload/preload links Trunk adds make these two
// fetches hit the cache.

const meta = document.querySelector('meta[name="ilo-factsheet-wasm"]');
try {
  if (!meta) throw new Error('no <meta name="ilo-factsheet-wasm">: build the page with trunk');
  const url = (name) => new URL(meta.dataset[name], document.baseURI).href;
  const { default: init } = await import(url('js'));
  const wasm = await init({ module_or_path: url('wasm') });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  console.error('ilo-factsheet: the app could not start', error);
  // Never a blank page: say so in every mount the app has not filled.
  for (const mount of document.querySelectorAll('[data-ilo-factsheet]')) {
    if (mount.querySelector('h1, [role="alert"]')) continue;
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.className = 'boot-error';
    alert.textContent = `The fact sheet could not start in this browser (${error?.message ?? error}).`;
    mount.replaceChildren(alert);
  }
}
