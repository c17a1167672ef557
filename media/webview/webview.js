// The script of every Postal Webhooks webview page (request inspector, send results, timelines).
// It only wires what the page's markup declares: buttons with `data-action` ask the extension to
// act, `data-tabs` groups switch between their panels. Tab choices and the scroll position are
// kept across re-renders. Loaded with the page's nonce; the page allows no other script.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const state = Object.assign({ tabs: {}, scrollY: 0 }, vscode.getState() || {});

  function save() {
    vscode.setState(state);
  }

  function selectTab(group, name) {
    const panels = group.querySelectorAll('[data-panel]');
    if (![...panels].some((panel) => panel.dataset.panel === name)) return;
    for (const tab of group.querySelectorAll('[data-tab]')) tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
    for (const panel of panels) panel.hidden = panel.dataset.panel !== name;
    state.tabs[group.dataset.tabs] = name;
  }

  for (const group of document.querySelectorAll('[data-tabs]')) {
    const chosen = state.tabs[group.dataset.tabs];
    if (chosen) selectTab(group, chosen);
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const tab = target && target.closest('[data-tab]');
    if (tab) {
      selectTab(tab.closest('[data-tabs]'), tab.dataset.tab);
      save();
      return;
    }
    const action = target && target.closest('[data-action]');
    if (action) vscode.postMessage({ type: 'action', action: action.dataset.action, argument: action.dataset.argument });
  });

  let scrollTimer;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      state.scrollY = window.scrollY;
      save();
    }, 100);
  });
  if (state.scrollY > 0) window.scrollTo(0, state.scrollY);

  // What the page shows, for the extension's own tests (and nothing else): the text, which
  // actions it offers, and what is in its body. A page with frames (the mail preview) reports
  // again once they have loaded (the page's load waits for its frames), with how many frames
  // each holds (the one number a sandboxed frame shows its parent: proof its document was
  // parsed), and counts messages its frames post: a frame that cannot run scripts posts none.
  const frames = [...document.querySelectorAll('iframe')];
  let frameMessages = 0;
  function report() {
    vscode.postMessage({
      type: 'rendered',
      report: {
        title: document.title,
        text: document.body.innerText.slice(0, 200000),
        actions: [...document.querySelectorAll('[data-action]')].map((element) => element.dataset.action),
        // Elements in the page body by tag: ours are a known few, and a script of ours is the only script.
        tags: [...new Set([...document.body.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()))],
        scripts: document.body.querySelectorAll('script').length,
        hiddenChars: document.querySelectorAll('.hidden-char').length,
        sections: [...document.querySelectorAll('section h2')].map((heading) => (heading.firstChild ? heading.firstChild.textContent.trim() : '')),
        frames: frames.map((frame) => ({ sandbox: frame.getAttribute('sandbox'), childFrames: frame.contentWindow ? frame.contentWindow.length : null })),
        loaded: document.readyState === 'complete',
        frameMessages,
      },
    });
  }
  window.addEventListener('message', (event) => {
    if (!frames.some((frame) => frame.contentWindow === event.source)) return;
    frameMessages++;
    report();
  });
  if (frames.length > 0) window.addEventListener('load', report);
  report();
})();
