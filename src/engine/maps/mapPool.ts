// Splits a map across workers: the cells in coarse-to-fine order, handed out a chunk at a time
// to whichever worker is free, so that two cores stay busy however uneven the cells are (a
// diverging run stops early, a converging one does not). One map at a time: a new one, or
// cancel(), drops the last one's cells, including those still on their way back.

import { cellOrder, coarseCells, MapOutcomes } from './mapGrid';
import type { CellBatch } from './mapCells';
import { checkMapRequest, mapSize, type MapRequest } from './mapRequest';
import type { FromMapWorker, MapThread } from './mapProtocol';

/**
 * Steps per chunk: ~5 ms of work on this machine while the coarse pass is out (it shows sooner
 * in small pieces), four times that after it (fewer messages for the main thread to handle);
 * both short enough that a cancel is felt at once.
 */
const CHUNK_STEPS = 150_000;
const LATER_CHUNK_STEPS = 600_000;
/**
 * Chunks in flight per worker: one computing and two waiting, so that no worker idles while the
 * main thread is busy (a frame, a render) before it hands out the next. A worker drops the waiting
 * ones when a new map arrives (mapProtocol.ts), so a cancel still costs at most one chunk.
 */
const IN_FLIGHT = 3;

export interface MapJobEvents {
  /** Cells arrived; `outcomes` holds every cell so far. */
  onCells?(outcomes: MapOutcomes, batch: CellBatch): void;
  onDone?(outcomes: MapOutcomes): void;
  onError?(message: string): void;
}

export class MapPool {
  private readonly threads: MapThread[] = [];
  private readonly busy: number[] = [];
  private job = 0;
  private order: Int32Array = new Int32Array(0);
  private next = 0;
  private chunk = 1;
  private laterChunk = 1;
  /** Cells of the coarse pass, handed out in the small chunks. */
  private coarse = 0;
  private outcomes: MapOutcomes | null = null;
  private events: MapJobEvents = {};

  constructor(
    private readonly spawn: () => MapThread,
    readonly size: number,
  ) {}

  /** Starts a map, cancelling the one before. Throws a MapRequestError for a bad request. */
  start(request: MapRequest, events: MapJobEvents): MapOutcomes {
    checkMapRequest(request);
    this.cancel();
    const job = this.job;
    const { nx, ny } = mapSize(request);
    this.outcomes = new MapOutcomes(nx, ny, request.kind === 'basin');
    this.events = events;
    this.order = cellOrder(nx, ny);
    this.next = 0;
    this.chunk = Math.max(1, Math.min(4096, Math.round(CHUNK_STEPS / request.run.steps)));
    this.laterChunk = Math.max(1, Math.min(16384, Math.round(LATER_CHUNK_STEPS / request.run.steps)));
    this.coarse = coarseCells(nx, ny);
    while (this.threads.length < this.size) this.addThread();
    for (let w = 0; w < this.threads.length; w++) {
      this.busy[w] = 0;
      this.threads[w].send({ type: 'job', job, request }, []);
    }
    for (let round = 0; round < IN_FLIGHT; round++) for (let w = 0; w < this.threads.length; w++) this.feed(w);
    return this.outcomes;
  }

  /** Drops the current map: no event of it fires after this returns. */
  cancel(): void {
    this.job++;
    this.outcomes = null;
    this.events = {};
    this.next = this.order.length;
  }

  /** Ends the workers. */
  dispose(): void {
    this.cancel();
    for (const t of this.threads) t.terminate();
    this.threads.length = 0;
  }

  private addThread(): void {
    const w = this.threads.length;
    const thread = this.spawn();
    this.threads.push(thread);
    this.busy.push(0);
    thread.listen((message) => this.receive(w, message));
  }

  private feed(w: number): void {
    if (this.next >= this.order.length) return;
    const end = Math.min(this.order.length, this.next + (this.next < this.coarse ? this.chunk : this.laterChunk));
    // A copy: the order stays whole, and the copy's buffer goes to the worker.
    const indices = this.order.slice(this.next, end);
    this.next = end;
    this.busy[w]++;
    this.threads[w].send({ type: 'cells', job: this.job, indices }, [indices.buffer as ArrayBuffer]);
  }

  private receive(w: number, message: FromMapWorker): void {
    if (message.job !== this.job || !this.outcomes) return;
    this.busy[w]--;
    if (message.type === 'error') {
      const onError = this.events.onError;
      this.cancel();
      onError?.(message.message);
      return;
    }
    const outcomes = this.outcomes;
    outcomes.add(message.batch);
    this.feed(w);
    this.events.onCells?.(outcomes, message.batch);
    if (outcomes.complete && this.outcomes === outcomes) {
      const onDone = this.events.onDone;
      this.outcomes = null;
      onDone?.(outcomes);
    }
  }
}
