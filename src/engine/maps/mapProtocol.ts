// The messages between a map's pool and its workers (Web Workers in the app, worker threads on
// the command line), and the worker's side of the conversation. Plain data and typed arrays, so
// that both kinds of worker carry them as they are.

import { isDataSurfaceId } from '../data/dataIds';
import { loadDataSurfaces } from '../data/loadData';
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

/**
 * What either kind of worker can do, in its own words: post a message, listen for replies, report
 * that it failed (a Web Worker's error event, a worker thread's 'error'), stop. The failure's
 * text is the adapter's; which job it fails is tracked by mapThreadOf.
 */
export interface MapWorkerPort {
  post(message: ToMapWorker, transfer: ArrayBuffer[]): void;
  onMessage(handler: (message: FromMapWorker) => void): void;
  onFailure(handler: (message: string) => void): void;
  terminate(): void;
}

/**
 * A pool's thread on a worker of either kind. A worker that fails (it cannot start or load) says
 * nothing of the map it was on, so the last job sent is remembered here and the failure is
 * reported as that job's error: the pool drops errors of jobs it no longer runs.
 */
export function mapThreadOf(port: MapWorkerPort): MapThread {
  let job = -1;
  return {
    send: (message, transfer) => {
      job = message.job;
      port.post(message, transfer);
    },
    listen: (handler) => {
      port.onMessage(handler);
      port.onFailure((message) => handler({ type: 'error', job, message }));
    },
    terminate: () => port.terminate(),
  };
}

/** Compiles a typed formula into a surface; the worker loads the compiler only when a map needs it. */
export type FormulaCompiler = (expr: string, domain: Domain) => Surface;

/** The buffers of a batch, to hand over rather than copy. */
function batchBuffers(batch: CellBatch): ArrayBuffer[] {
  return [batch.indices, batch.loss, batch.reached, batch.status, batch.endX, batch.endY, batch.lastMove].map((a) => a.buffer as ArrayBuffer);
}

/**
 * A way to run a function on a later turn of the event loop (a macrotask, so that messages
 * waiting in the queue are read first): a MessageChannel, which browsers do not clamp as they do
 * nested timers, else a timer.
 */
function laterTurn(): (fn: () => void) => void {
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    let next: (() => void) | null = null;
    channel.port1.onmessage = () => {
      const fn = next;
      next = null;
      fn?.();
    };
    // Node: the channel must not keep a process alive on its own (the worker's port does).
    (channel.port1 as { unref?: () => void }).unref?.();
    (channel.port2 as { unref?: () => void }).unref?.();
    return (fn) => {
      next = fn;
      channel.port2.postMessage(null);
    };
  }
  return (fn) => setTimeout(fn, 0);
}

/**
 * The worker's side: answers each `cells` message of the current job with its batch, in order.
 * Messages are read as they come and the chunks computed one per turn of the event loop, so a
 * new job that arrives behind a queue of the old one's chunks drops them: after a change, a
 * worker finishes at most the chunk it is computing before it starts the new map.
 * `loadCompiler` is called the first time a typed formula arrives.
 */
export function mapWorkerHandler(reply: (message: FromMapWorker, transfer: ArrayBuffer[]) => void, loadCompiler: () => Promise<FormulaCompiler>): (message: ToMapWorker) => void {
  let job = -1;
  let request: MapRequest | null = null;
  let surface: Surface | null = null;
  let failure: string | null = null;
  const pending: Int32Array[] = [];
  const later = laterTurn();
  let scheduled = false;

  const resolve = async (s: MapSurface): Promise<Surface> => {
    if ('id' in s) {
      // A data surface's chunk loads in the worker too, the first time a map of it arrives.
      if (!getSurface(s.id) && isDataSurfaceId(s.id)) await loadDataSurfaces();
      const found = getSurface(s.id);
      if (!found) throw new Error(`unknown surface "${s.id}"`);
      return found;
    }
    const compile = await loadCompiler();
    return compile(s.expr, s.domain);
  };

  const step = (): void => {
    scheduled = false;
    // A typed formula still compiling: its surface's arrival schedules the chunks.
    if (pending.length === 0 || !request || (surface === null && failure === null)) return;
    const indices = pending.shift() as Int32Array;
    if (failure !== null || !surface) {
      reply({ type: 'error', job, message: failure ?? 'no surface' }, []);
    } else {
      const batch = computeCells(request, surface, indices);
      reply({ type: 'cells', job, batch }, batchBuffers(batch));
    }
    schedule();
  };

  const schedule = (): void => {
    if (scheduled || pending.length === 0) return;
    scheduled = true;
    later(step);
  };

  return (message) => {
    if (message.type === 'job') {
      job = message.job;
      request = message.request;
      surface = null;
      failure = null;
      pending.length = 0;
      const mine = job;
      resolve(message.request.surface).then(
        (s) => {
          if (job !== mine) return;
          surface = s;
          schedule();
        },
        (error: unknown) => {
          if (job !== mine) return;
          failure = error instanceof Error ? error.message : String(error);
          schedule();
        },
      );
      return;
    }
    if (message.job !== job) return;
    pending.push(message.indices);
    schedule();
  };
}
