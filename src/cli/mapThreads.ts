// Worker threads for the command line's maps, one per core, each running mapThreadEntry.ts.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MapPool } from '../engine/maps/mapPool';
import { mapThreadOf, type FromMapWorker, type MapThread } from '../engine/maps/mapProtocol';

const ENTRY = new URL('./mapThreadEntry.ts', import.meta.url).href;

/**
 * A thread that runs the TypeScript entry through tsx's loader: the command line runs from
 * source (`tsx src/cli/trajectory.ts`), and a worker thread does not inherit tsx's hooks.
 */
function spawnThread(): MapThread {
  const source = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(ENTRY)}, ${JSON.stringify(ENTRY)}))`;
  const worker = new Worker(source, { eval: true });
  return mapThreadOf({
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (handler) => {
      worker.on('message', (message: FromMapWorker) => handler(message));
    },
    // A thread that fails (it cannot load, say) fails the map it was working on, by name.
    onFailure: (handler) => {
      worker.on('error', (error: Error) => handler(`a worker thread failed: ${error.message}`));
    },
    terminate: () => {
      void worker.terminate();
    },
  });
}

export function defaultThreads(): number {
  return availableParallelism();
}

export function nodeMapPool(threads: number = defaultThreads()): MapPool {
  return new MapPool(spawnThread, threads);
}
