/**
 * CPU time per thread of a clean-corpus run (Linux), printed to stderr at exit:
 *
 *   node --import ./scripts/thread-cpu.mjs bin/clean-corpus.js IN -o OUT -q --jobs 2
 *
 * Why: the `threads` figures of `--json` (event-loop utilisation) and the
 * self times of `--cpu-prof` count wall time, so on a loaded machine they
 * include the time a thread waits for a core — and a worker is often put
 * aside right after `postMessage` wakes the main thread, so a profile
 * charges that wait to `postMessage`. This reads what the kernel counts
 * (/proc/self/task/TID/stat, utime + stime, 10 ms ticks), polling so that
 * threads which end before the process are counted too. V8's background
 * threads (optimising compiler, concurrent GC) show on their own line.
 */
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const TICK_MS = 1000 / 100; // USER_HZ
  const tids = () => fs.readdirSync('/proc/self/task');
  /** Threads there before any work: this one and V8's platform threads. */
  const initial = new Set(tids());
  const main = String(process.pid);
  const cpu = new Map();
  const poll = () => {
    for (const tid of tids()) {
      try {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpu.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
      } catch {
        // the thread ended between listing and reading
      }
    }
  };
  setInterval(poll, 100).unref();
  process.on('exit', () => {
    poll();
    const later = [...cpu].filter(([tid]) => !initial.has(tid)).map(([, ms]) => ms).filter((ms) => ms > 0).sort((a, b) => b - a);
    const background = [...cpu].filter(([tid]) => initial.has(tid) && tid !== main).reduce((sum, [, ms]) => sum + ms, 0);
    const u = process.cpuUsage();
    process.stderr.write(
      `thread CPU ms: main ${cpu.get(main) ?? 0}, started later (workers, then I/O pool) ${later.join(' ') || '-'}, ` +
        `V8 background (compiler, GC) ${background}; process ${Math.round((u.user + u.system) / 1000)}\n`,
    );
  });
}
