/**
 * The run's bookkeeping, once for every mode (folder, pipe, check/write): each finished document's report entry and
 * the totals, a line on stderr for a document that failed or was skipped, the signals (the first finishes the
 * document in hand, the second removes temporary files and stops at once), problems outside any one document, and
 * the exit code decided from the totals. A mode only drives the engine and writes its outputs; the sentences come
 * from report/.
 */
import type { Doc } from '../record/doc.js';
import type { DocEntry, Totals } from '../report/entries.js';
import type { ReportHeader } from '../io/report-files.js';
import type { StageTimings } from '../stage.js';
import { removePendingTemps } from '../io/write.js';
import { watchInterrupts, type Interrupts } from '../io/interrupt.js';
import { listsOnStderr, problemLine } from '../report/terminal-summary.js';
import { interruptedSentence, stderrLine, stoppedAtOnceSentence, type RunMode } from '../report/run-messages.js';
import { EXIT } from './context.js';
import { Tally } from './tally.js';

export interface SessionSettings {
  mode: RunMode;
  stderr: NodeJS.WritableStream;
  /** `--quiet`: only errors get a line. */
  quiet: boolean;
  /** `--verbose`: ordinary skips (no text, empty) get a line too. */
  verbose: boolean;
  color: boolean;
  /** The report's summary file; none: no report is written. */
  reportPath?: string;
  header: ReportHeader;
  /** A line redrawn on stderr (the progress line): cleared before anything else is written there. */
  progress?: { clear(): void };
  /** Called on the first signal, to end a wait that may never end (standard input, silent). */
  onFirstSignal?: () => void;
}

/** One run's bookkeeping. Signals are watched from construction until `releaseSignals`. */
export class Session {
  private readonly tally: Tally;
  private readonly interrupts: Interrupts;

  constructor(private readonly settings: SessionSettings) {
    this.tally = new Tally(settings.reportPath, settings.header);
    // the first signal only sets `interrupted`, which the engine checks between documents, so that what was done is
    // whole and reported; the second cannot wait for anything
    this.interrupts = watchInterrupts(() => {
      removePendingTemps();
      this.tally.abort();
      settings.progress?.clear();
      const sentence = stoppedAtOnceSentence(settings.mode, this.totals.documents);
      if (sentence) this.say(sentence);
    }, settings.onFirstSignal);
  }

  get totals(): Totals {
    return this.tally.totals;
  }

  /** True once a first signal has arrived: the run is to stop after the document in hand. */
  get interrupted(): boolean {
    return this.interrupts.stopped;
  }

  /** Record a finished document; `output` is where its text went, or null. With `timings`, the time taken is added to `report`. */
  add(doc: Doc, output: string | null, timings?: StageTimings): DocEntry {
    const t0 = performance.now();
    const entry = this.tally.add(doc, output);
    if (timings) timings.report = (timings.report ?? 0) + (performance.now() - t0);
    return entry;
  }

  /**
   * A line on stderr for a document that failed, or was skipped for a reason worth knowing. Called once the mode has
   * written what it writes on stdout for the document, so that a terminal showing both reads in order.
   */
  sayProblem(entry: DocEntry): void {
    if (!listsOnStderr(entry, this.settings.quiet, this.settings.verbose)) return;
    this.settings.progress?.clear();
    this.settings.stderr.write(problemLine(entry, this.settings.color) + '\n');
  }

  /** One line on stderr about the run itself. */
  say(sentence: string): void {
    this.settings.stderr.write(stderrLine(sentence));
  }

  /** A failure outside any one document (an output that could not be finished): said, and counted as an error. */
  problem(sentence: string): void {
    this.say(sentence);
    this.totals.error++;
  }

  /** The engine is done: signals are no longer this run's to handle. */
  releaseSignals(): void {
    this.interrupts.dispose();
  }

  /** Write the report's summary and page, marked interrupted after a first signal; `timings` are milliseconds per stage. */
  finish(timings?: StageTimings): void {
    this.tally.finish(this.interrupted, timings);
  }

  /**
   * End the run: after a first signal, say how far it got (`of`: the documents in all, when known) and exit 130;
   * otherwise 2 if anything failed, 1 for `findings` (check mode), else 0. When standard output's reader went away
   * (`| head`), failures are not counted: the reader had all it wanted, and the run ends as quietly as `head` expects.
   */
  end(outcome: { findings?: number; of?: number; readerGone?: boolean } = {}): number {
    const findings = outcome.findings ?? 0;
    if (this.interrupted) {
      this.say(interruptedSentence(this.settings.mode, { documents: this.totals.documents, of: outcome.of, report: this.settings.reportPath !== undefined }));
      return EXIT.interrupted;
    }
    if (outcome.readerGone) return findings > 0 ? EXIT.findings : EXIT.ok;
    if (this.totals.error > 0) return EXIT.error;
    return findings > 0 ? EXIT.findings : EXIT.ok;
  }
}
