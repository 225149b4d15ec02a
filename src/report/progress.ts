/**
 * The progress line's wording: pass, documents and bytes done of the total,
 * the rate and the time left in the pass. Pure: io/progress-line.ts decides
 * when it is drawn.
 */
export interface ProgressState {
  pass: 1 | 2;
  docs: number;
  /** Documents in the run, when known (not for JSON Lines, whose records are counted as they are read). */
  totalDocs?: number;
  bytes: number;
  /** Bytes of the inputs, when known (not for standard input). */
  totalBytes?: number;
  /** Seconds since this pass started. */
  seconds: number;
}

const MiB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0);

function duration(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

export function formatProgress(p: ProgressState): string {
  const parts = [`pass ${p.pass}/2`, p.totalDocs ? `${p.docs.toLocaleString('en-US')}/${p.totalDocs.toLocaleString('en-US')} documents` : `${p.docs.toLocaleString('en-US')} documents`];
  parts.push(p.totalBytes ? `${mb(p.bytes)}/${mb(p.totalBytes)} MB` : `${mb(p.bytes)} MB`);
  const rate = p.seconds > 0 ? p.bytes / MiB / p.seconds : 0;
  if (rate > 0) parts.push(`${rate.toFixed(1)} MB/s`);
  // the time left in this pass, from the bytes still to go at the rate so far
  if (p.totalBytes && rate > 0 && p.bytes > 0) parts.push(`${duration(Math.max(0, (p.totalBytes - p.bytes) / MiB / rate))} left`);
  return parts.join(' · ');
}
