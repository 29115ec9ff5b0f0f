// A Web Worker of the app's maps: the engine's map worker on the worker's message port. It loads
// the formula compiler (mathjs) only when a map is of a typed surface.
import { mapWorkerHandler, type ToMapWorker } from '../engine/maps/mapProtocol';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToMapWorker>) => void) | null;
};

const handle = mapWorkerHandler(
  (message, transfer) => scope.postMessage(message, transfer),
  async () => {
    const { compileFormula } = await import('../engine/formula');
    return (expr, domain) => compileFormula(expr, { domain }).surface;
  },
);

scope.onmessage = (event) => handle(event.data);
