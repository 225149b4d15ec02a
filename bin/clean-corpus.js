#!/usr/bin/env node
// Entry point: everything lives in dist/cli.js (built by `npm install` through the prepare script).
// Both ways out below end the process at once; first they remove the temporary files of work under way (partial
// outputs and report, the spill, the spooled standard input), which the run would have removed had it ended.
let removeTemps = () => {};
// Last line of defence: whatever escapes main() is one line on stderr and exit 2, never a stack trace.
const fail = (err) => {
  removeTemps();
  process.stderr.write(`clean-corpus: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// a closed pipe (`clean-corpus --explain … | head`) ends the run quietly, as Unix tools do
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') fail(err);
  removeTemps();
  process.exit(process.exitCode ?? 0);
});

try {
  const { main, removePendingTemps } = await import('../dist/cli.js');
  removeTemps = removePendingTemps;
  process.exitCode = await main(process.argv);
} catch (err) {
  fail(err);
}
