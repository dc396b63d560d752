#!/usr/bin/env node
// Starts hiwar. When `npm run build` made a start-up snapshot and it is
// current (bin/snapshot-check.js), hiwar runs in a Node started from it
// (under the V8 flags it was built with, SNAPSHOT_FLAGS there):
// modules loaded, fonts opened and templates compiled before it starts. Else
// it starts from the compiled CLI in dist/ (built by `npm install` via the
// prepare script). Which runs start from it: snapshotFor there (not a
// watch or the studio, not with HIWAR_SNAPSHOT=0 or NODE_OPTIONS).
// This file and snapshot-check.js are CommonJS (bin/package.json): a launcher
// that starts no ES module skips Node's ES module loader (≈ 15-20 ms of every
// run, in the process that only starts the real one).
const { spawn } = require('node:child_process');
const { SNAPSHOT_FLAGS, snapshotFor } = require('./snapshot-check.js');

const args = process.argv.slice(2);
const blob = snapshotFor(args);
if (blob) {
  // hiwar opens no network connection, yet Node reads the whole NODE_EXTRA_CA_CERTS
  // file while it starts (a 220 KB system bundle: ≈ 60 ms, as long as the rest
  // of Node's start): the child starts without it
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  // `--`: every argument is hiwar's, even one Node also knows (--help, --version)
  const child = spawn(process.execPath, [...SNAPSHOT_FLAGS, '--snapshot-blob', blob, '--', ...args], { stdio: 'inherit', env });
  // Ctrl-C in a terminal reaches both processes; a signal sent to this one alone is passed on
  const pass = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, pass(signal));
  // Nothing is left to do once the child is gone: exit at once, without
  // tearing down this process's heap. A child ended by a signal (one that came
  // after its own Ctrl-C handling let go) ends this process by the same
  // signal, so whoever started hiwar sees what it would see without the
  // launcher (with the listeners above removed, the signal's default action applies).
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 128 + (require('node:os').constants.signals[signal] ?? 0));
  });
} else {
  import('../dist/cli/main.js')
    .then(({ main }) => main(args))
    .then((code) => {
      process.exitCode = code;
    });
}
