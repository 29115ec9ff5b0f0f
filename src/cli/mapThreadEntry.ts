// A worker thread of `trajectory map`: the engine's map worker, on Node's message port.
import { parentPort } from 'node:worker_threads';
import { mapWorkerHandler, type ToMapWorker } from '../engine/maps/mapProtocol';

const port = parentPort;
if (port) {
  const handle = mapWorkerHandler(
    (message, transfer) => port.postMessage(message, transfer),
    async () => {
      const { compileFormula } = await import('../engine/formula');
      return (expr, domain) => compileFormula(expr, { domain }).surface;
    },
  );
  port.on('message', (message: ToMapWorker) => handle(message));
}
