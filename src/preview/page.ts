/**
 * The preview's own page: a frame showing the built HTML as it is (its Content-Security-Policy
 * forbids scripts, and the document must stay the bytes `build` writes), a frame with the PDF
 * beside it in the split view, a status line and the diagnostics overlay. The script that
 * listens for rebuilds and reloads the frames is this page's, served from its own path so that
 * the page's policy can allow scripts from the server alone and nothing inline.
 *
 * The words here are the tool's, like the command line's messages; the document's own words
 * are in the built HTML.
 */

/** What the page shows, sent to it as JSON at each build (and when it connects). */
export interface PreviewState {
  /** Counts the builds, failed ones too. */
  version: number;
  /** The build whose page the frames show: the last without errors; 0 when none has been. */
  good: number;
  /** Whether the last build gave a page. */
  ok: boolean;
  /** When the last build ended, as the clock on the wall says (HH:MM:SS). */
  at: string;
  /** The last build's diagnostics, errors first. */
  diagnostics: ShownDiagnostic[];
}

export interface ShownDiagnostic {
  /** file:line:col, the file relative to the folder the preview was started in. */
  where: string;
  severity: string;
  code: string;
  message: string;
  hint?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The policy of the preview's page: its script, its style and its frames come from the server
 * and from nowhere else; its events come from the server. `frame-src 'self'` also keeps a link
 * followed inside the document's frame from loading anything beyond 127.0.0.1.
 */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The page at `/` (the HTML alone) or `/split` (the PDF beside it); `name` is the definition's file as shown. */
export function previewPage(name: string, split: boolean): string {
  const title = `${escapeHtml(name)} — agenda preview`;
  // The frame is sandboxed (no scripts, no forms, no top navigation) yet same-origin: the
  // page's script reads its scroll position to keep it across reloads.
  const frames = [
    '<iframe id="document" name="document" title="The HTML agenda" sandbox="allow-same-origin"></iframe>',
    ...(split ? ['<iframe id="pdf" name="pdf" title="The PDF agenda"></iframe>'] : []),
  ];
  const other = split ? '<a href="/">HTML only</a>' : '<a href="/split">PDF beside</a>';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<link rel="stylesheet" href="/preview.css">',
    '<script src="/preview.js" defer></script>',
    '</head>',
    `<body class="${split ? 'split' : 'single'}">`,
    '<header id="status" role="status">',
    `<span id="name">${escapeHtml(name)}</span>`,
    '<span id="state">connecting…</span>',
    '<details id="warnings" hidden><summary></summary><ol></ol></details>',
    `<nav>${other} <a href="/document.html" target="_blank" rel="noopener">HTML</a> <a href="/document.pdf" target="_blank" rel="noopener">PDF</a></nav>`,
    '</header>',
    `<main>${frames.join('')}</main>`,
    '<section id="overlay" role="alert" aria-labelledby="overlay-title" hidden>',
    '<h1 id="overlay-title"></h1>',
    '<ol id="diagnostics"></ol>',
    '</section>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page's style: the frames fill the window; the overlay covers them, the last good page visible underneath. */
export const PREVIEW_CSS = `
:root { color-scheme: light; font: 14px/1.4 system-ui, sans-serif; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; }
#status { display: flex; gap: 1em; align-items: baseline; flex-wrap: wrap; padding: 0.3em 0.8em; background: #eef1f5; border-bottom: 1px solid #c8ced6; }
#name { font-weight: 600; }
#state.failed { color: #a1121b; font-weight: 600; }
#status nav { margin-left: auto; display: flex; gap: 1em; }
#warnings summary { cursor: pointer; color: #7a4d00; }
#warnings ol { position: absolute; z-index: 2; max-height: 40vh; overflow: auto; margin: 0.3em 0; padding: 0.5em 0.5em 0.5em 2.5em; background: #fffbe8; border: 1px solid #d9c27a; }
main { flex: 1; display: flex; min-height: 0; }
main iframe { flex: 1; border: 0; background: #fff; min-width: 0; }
.split main iframe + iframe { border-left: 1px solid #c8ced6; }
#overlay { position: fixed; inset: 2.5em 0 auto 0; max-height: 60vh; overflow: auto; margin: 0 auto; width: min(60em, 92vw); padding: 0.8em 1.2em; background: rgba(255, 245, 245, 0.97); border: 2px solid #a1121b; border-radius: 4px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25); }
#overlay h1 { font-size: 1.1em; margin: 0 0 0.5em; color: #a1121b; }
#overlay ol, #warnings ol { font-family: ui-monospace, monospace; }
#overlay li, #warnings li { margin: 0.3em 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.where { font-weight: 600; }
.severity-error { color: #a1121b; }
.severity-warning { color: #7a4d00; }
.hint { display: block; color: #444; }
[hidden] { display: none !important; }
`.trimStart();

/**
 * The page's script. Server-sent events bring the state after each build; a new good build
 * reloads the frames (the PDF is made when its frame asks for it), keeping the scroll position;
 * failed builds show their diagnostics over the last good page. Every text goes in through
 * textContent: nothing the definition says is read as HTML.
 */
export const PREVIEW_JS = `'use strict';
(() => {
  const frame = document.getElementById('document');
  const pdf = document.getElementById('pdf');
  const overlay = document.getElementById('overlay');
  const list = document.getElementById('diagnostics');
  const state = document.getElementById('state');
  const warnings = document.getElementById('warnings');
  let shown = 0;
  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
  const item = (d) => {
    const li = document.createElement('li');
    li.className = 'severity-' + d.severity;
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = d.where;
    li.append(where, ' ' + d.severity + ' ' + d.message + ' (' + d.code + ')');
    if (d.hint) {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = '→ ' + d.hint;
      li.append(hint);
    }
    return li;
  };
  const load = (target, url) => {
    let y = 0;
    try { y = target.contentWindow.scrollY; } catch (e) { y = 0; }
    target.addEventListener('load', () => {
      try { target.contentWindow.scrollTo(0, y); } catch (e) { /* a page of another origin: not ours to scroll */ }
    }, { once: true });
    target.src = url;
  };
  const show = (s) => {
    if (s.good && s.good !== shown) {
      shown = s.good;
      load(frame, '/document.html?build=' + s.good);
      if (pdf) load(pdf, '/document.pdf?build=' + s.good);
    }
    const errors = s.diagnostics.filter((d) => d.severity === 'error');
    const counts = [['error', 'error'], ['warning', 'warning'], ['info', 'note']]
      .map(([severity, word]) => [s.diagnostics.filter((d) => d.severity === severity).length, word])
      .filter(([n]) => n > 0)
      .map(([n, word]) => plural(n, word));
    state.className = s.ok ? 'ok' : 'failed';
    state.textContent = s.ok ? 'built at ' + s.at : 'not built at ' + s.at + ': ' + plural(errors.length, 'error');
    overlay.hidden = s.ok;
    list.replaceChildren(...(s.ok ? [] : s.diagnostics.map(item)));
    document.getElementById('overlay-title').textContent = plural(errors.length, 'error') + (s.good ? ': the page below is the last one built' : ': no page could be built yet');
    // A page built with diagnostics (warnings, or errors of the configuration, which do not stop a build) lists them on demand.
    warnings.hidden = !s.ok || !s.diagnostics.length;
    warnings.querySelector('summary').textContent = counts.join(', ');
    warnings.querySelector('ol').replaceChildren(...(s.ok ? s.diagnostics.map(item) : []));
    document.documentElement.dataset.version = String(s.version);
  };
  const events = new EventSource('/events');
  events.addEventListener('state', (e) => show(JSON.parse(e.data)));
  events.addEventListener('error', () => {
    if (events.readyState !== EventSource.OPEN) {
      state.className = 'failed';
      state.textContent = 'the preview server has stopped';
    }
  });
})();
`;
