// A pipeline whose per-document work kills its worker thread on documents
// containing "CRASH" (as a native crash or an out-of-memory would): the pool
// must fail only the documents that worker held and go on with a new one.
import { isMainThread } from 'node:worker_threads';
import { stage } from '../../dist/stage.js';
import { clean as realClean } from '../../dist/pipeline.js';
import { markLoaded } from './loaded.js';

const crash = stage('crash', (doc) => {
  if (!isMainThread && doc.text.includes('CRASH')) process.exit(3);
});

markLoaded();

export const statistics = [];
export const clean = [...realClean.slice(0, -1), crash, realClean[realClean.length - 1]];
export const corpus = [];
