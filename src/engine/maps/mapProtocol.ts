// The messages between a map's pool and its workers (Web Workers in the app, worker threads on
// the command line), and the worker's side of the conversation. Plain data and typed arrays, so
// that both kinds of worker carry them as they are.

import type { CellBatch } from './mapCells';
import { computeCells } from './mapCells';
import type { MapRequest, MapSurface } from './mapRequest';
import type { Domain, Surface } from '../types';
import { getSurface } from '../surfaces';

export type ToMapWorker =
  /** A new map: the worker resolves its surface (compiling a typed formula) once. */
  | { readonly type: 'job'; readonly job: number; readonly request: MapRequest }
  | { readonly type: 'cells'; readonly job: number; readonly indices: Int32Array };

export type FromMapWorker =
  | { readonly type: 'cells'; readonly job: number; readonly batch: CellBatch }
  | { readonly type: 'error'; readonly job: number; readonly message: string };

/** What a pool needs of a worker, whichever kind it is. */
export interface MapThread {
  send(message: ToMapWorker, transfer: ArrayBuffer[]): void;
  listen(handler: (message: FromMapWorker) => void): void;
  terminate(): void;
}

/** Compiles a typed formula into a surface; the worker loads the compiler only when a map needs it. */
export type FormulaCompiler = (expr: string, domain: Domain) => Surface;

/** The buffers of a batch, to hand over rather than copy. */
function batchBuffers(batch: CellBatch): ArrayBuffer[] {
  return [batch.indices, batch.loss, batch.reached, batch.status, batch.endX, batch.endY, batch.lastMove].map((a) => a.buffer as ArrayBuffer);
}

/**
 * The worker's side: answers each `cells` message of the current job with its batch, in order.
 * `loadCompiler` is called the first time a typed formula arrives.
 */
export function mapWorkerHandler(reply: (message: FromMapWorker, transfer: ArrayBuffer[]) => void, loadCompiler: () => Promise<FormulaCompiler>): (message: ToMapWorker) => void {
  let job = -1;
  let request: MapRequest | null = null;
  let surface: Surface | null = null;
  let failure: string | null = null;
  // Messages are handled one after another even while a formula's compiler loads.
  let queue: Promise<void> = Promise.resolve();

  const resolve = async (s: MapSurface): Promise<Surface> => {
    if ('id' in s) {
      const found = getSurface(s.id);
      if (!found) throw new Error(`unknown surface "${s.id}"`);
      return found;
    }
    const compile = await loadCompiler();
    return compile(s.expr, s.domain);
  };

  const handle = async (message: ToMapWorker): Promise<void> => {
    if (message.type === 'job') {
      job = message.job;
      request = message.request;
      surface = null;
      failure = null;
      try {
        surface = await resolve(message.request.surface);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      return;
    }
    if (message.job !== job || !request) return;
    if (failure !== null || !surface) {
      reply({ type: 'error', job, message: failure ?? 'no surface' }, []);
      return;
    }
    const batch = computeCells(request, surface, message.indices);
    reply({ type: 'cells', job, batch }, batchBuffers(batch));
  };

  return (message) => {
    queue = queue.then(() => handle(message));
  };
}
