// Runs as a worker with the same Content-Security-Policy as the server: shows whether eval is blocked there.
let result;
try {
  result = new Function('return "allowed"')();
} catch (e) {
  result = `blocked (${e.name})`;
}
postMessage(result);
