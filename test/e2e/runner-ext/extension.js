// Test-only probe extension for test/e2e (never shipped). It answers, over HTTP on 127.0.0.1,
// what the UI does not show exactly: a document's full text and its diagnostics with ranges.
// The port is written to $COPYDESK_E2E_PROBE_FILE (the harness waits for that file).
//
//   GET /state?path=REL   {path, open, text, version, isDirty, languageId, diagnostics:[...]}
//   GET /active           {path} of the active text editor
const vscode = require('vscode');
const http = require('http');
const fs = require('fs');

const plain = (d) => ({
  message: d.message,
  code: d.code && typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
  href: d.code && typeof d.code === 'object' && d.code.target ? d.code.target.toString() : undefined,
  severity: ['error', 'warning', 'info', 'hint'][d.severity],
  source: d.source,
  range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
});

function uriOf(rel) {
  const root = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!root) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(root.uri, rel);
}

async function answer(url) {
  if (url.pathname === '/state') {
    const uri = uriOf(url.searchParams.get('path'));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return {
      path: url.searchParams.get('path'), open: !!doc, text: doc ? doc.getText() : undefined,
      version: doc && doc.version, isDirty: doc && doc.isDirty, languageId: doc && doc.languageId,
      diagnostics: vscode.languages.getDiagnostics(uri).map(plain),
    };
  }
  if (url.pathname === '/active') {
    const e = vscode.window.activeTextEditor;
    return { path: e ? vscode.workspace.asRelativePath(e.document.uri) : null };
  }
  const err = new Error(`unknown request ${url.pathname}`);
  err.status = 404;
  throw err;
}

exports.activate = (context) => {
  const portFile = process.env.COPYDESK_E2E_PROBE_FILE;
  if (!portFile) return;
  const server = http.createServer(async (req, res) => {
    let status = 200;
    let body;
    try { body = await answer(new URL(req.url, 'http://probe')); } catch (e) { status = e.status || 500; body = { error: String(e && e.stack || e) }; }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1', () => {
    fs.writeFileSync(portFile + '.tmp', String(server.address().port));
    fs.renameSync(portFile + '.tmp', portFile);
  });
  context.subscriptions.push({ dispose: () => server.close() });
};
