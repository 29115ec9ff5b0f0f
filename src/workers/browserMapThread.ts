// The app's map workers: module Web Workers from the app's own origin (so they run under the
// strict Content Security Policy and in an embed), one per core.
import { mapThreadOf, type FromMapWorker, type MapThread } from '../engine/maps/mapProtocol';

export function spawnBrowserMapThread(): MapThread {
  const worker = new Worker(new URL('./mapWorker.ts', import.meta.url), { type: 'module', name: 'descent-map' });
  return mapThreadOf({
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (handler) => {
      worker.onmessage = (event: MessageEvent<FromMapWorker>) => handler(event.data);
    },
    // A worker that cannot start (a host that blocks workers) fails the map with a message.
    onFailure: (handler) => {
      worker.onerror = (event) => {
        event.preventDefault();
        handler(event.message || 'a map worker could not start');
      };
    },
    terminate: () => worker.terminate(),
  });
}

/** Workers for a map: as many as the machine has cores, at least one. */
export function browserMapThreads(): number {
  return Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2));
}
