// A tiny LSP client over postMessage, as the web extension's vscode-languageclient/browser speaks
// it: JSON-RPC objects posted to and from the worker (dist/web/server.js).
'use strict';
(() => {
  const worker = new Worker('/server.js', { name: 'copydesk-ls' });
  let nextId = 1;
  const pending = new Map();
  const diagnostics = new Map();
  const waiters = [];
  const state = { files: {}, reads: [], log: [], settings: {} };

  const send = (message) => worker.postMessage({ jsonrpc: '2.0', ...message });
  const request = (method, params, timeoutMs = 15000) => new Promise((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => { pending.delete(id); reject(new Error(`${method}: no answer within ${timeoutMs} ms`)); }, timeoutMs);
    pending.set(id, { resolve: (r) => { clearTimeout(timer); resolve(r); }, reject: (e) => { clearTimeout(timer); reject(e); }, method });
    send({ id, method, params });
  });
  const notify = (method, params) => send({ method, params });

  const handlers = {
    'workspace/configuration': (p) => p.items.map(() => state.settings),
    'client/registerCapability': () => null,
    'client/unregisterCapability': () => null,
    'workspace/diagnostic/refresh': () => null,
    'window/workDoneProgress/create': () => null,
    // What the web extension answers from vscode.workspace.fs: null for a missing file.
    'copydesk/readFiles': (p) => p.uris.map((uri) => { state.reads.push(uri); return uri in state.files ? state.files[uri] : null; }),
  };

  worker.onmessage = (event) => {
    const m = event.data;
    if (m.id !== undefined && m.method === undefined) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`)); else p.resolve(m.result);
    } else if (m.id !== undefined) {
      const handler = handlers[m.method];
      if (!handler) { send({ id: m.id, error: { code: -32601, message: `unhandled ${m.method}` } }); return; }
      Promise.resolve().then(() => handler(m.params)).then(
        (result) => send({ id: m.id, result }),
        (err) => send({ id: m.id, error: { code: -32603, message: String(err) } }));
    } else if (m.method === 'textDocument/publishDiagnostics') {
      diagnostics.set(m.params.uri, m.params);
      for (const w of [...waiters]) if (w.test(m.params)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m.params); }
    } else if (m.method === 'window/logMessage' || m.method === 'window/showMessage') {
      state.log.push(m.params);
      // type 1 = Error: the server caught a failure; make it a console error the test sees.
      if (m.params.type === 1) console.error(`copydesk-ls: ${m.params.message}`);
    }
  };
  worker.onerror = (e) => console.error(`worker error: ${e.message} (${e.filename}:${e.lineno})`);

  const waitForDiagnostics = (uri, version, timeoutMs = 15000) => new Promise((resolve, reject) => {
    const test = (p) => p.uri === uri && (version === undefined || p.version === version);
    const have = diagnostics.get(uri);
    if (have && test(have)) { resolve(have); return; }
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
    waiters.push({ test, resolve: (p) => { clearTimeout(timer); resolve(p); } });
  });

  let version = 0;
  window.copydesk = {
    state,
    diagnostics: (uri) => diagnostics.get(uri),
    async initialize({ workspaceFolders, initializationOptions }) {
      const result = await request('initialize', {
        processId: null, rootUri: null, locale: 'en',
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
        workspaceFolders, initializationOptions,
      });
      notify('initialized', {});
      return result;
    },
    /** Opens a draft and resolves with its first published diagnostics. */
    async lint(uri, languageId, text) {
      const v = ++version;
      notify('textDocument/didOpen', { textDocument: { uri, languageId, version: v, text } });
      return (await waitForDiagnostics(uri, v)).diagnostics;
    },
    codeActions: (uri, range, diags, only) => request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diags, only } }),
    probeEval: () => new Promise((resolve) => {
      const probe = new Worker('/probe.js');
      probe.onmessage = (e) => { resolve(e.data); probe.terminate(); };
      probe.onerror = (e) => { resolve(`probe failed: ${e.message}`); probe.terminate(); };
    }),
    async shutdown() { try { await request('shutdown', undefined, 3000); notify('exit'); } finally { worker.terminate(); } },
  };
})();
