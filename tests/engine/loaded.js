// Test pipelines call this when they load: in a worker thread, it tells the test (through the file named by
// TEST_WORKER_LOADED) that a worker is up, since the pool gives a worker documents only once it has started.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

export function markLoaded() {
  if (!isMainThread && process.env.TEST_WORKER_LOADED) fs.writeFileSync(process.env.TEST_WORKER_LOADED, '');
}
