#!/usr/bin/env node
// Entry point: everything lives in dist/cli.js (built by `npm install` through the prepare script).
// Last line of defence: whatever escapes main() is one line on stderr and exit 2, never a stack trace.
const fail = (err) => {
  process.stderr.write(`clean-corpus: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// a closed pipe (`clean-corpus --json … | head`) ends the run quietly, as Unix tools do
process.stdout.on('error', (err) => (err.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : fail(err)));

try {
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(process.argv);
} catch (err) {
  fail(err);
}
