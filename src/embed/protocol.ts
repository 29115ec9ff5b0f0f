/**
 * The postMessage API of an embedded Descent (an <iframe> whose page runs with `embed=1`, or
 * any Descent page inside a frame). Pure data and validation, no DOM: the rules are unit-tested
 * in Node, and src/embed/messages.ts wires them to the window.
 *
 * From the host page to the frame (`iframe.contentWindow.postMessage(msg, '*')`):
 *
 *   { type: 'descent:play' }                 start playback (from step 0 if it is at the end)
 *   { type: 'descent:pause' }                pause where it is
 *   { type: 'descent:reset' }                pause and go back to step 0
 *   { type: 'descent:seek', step }           pause and show whole step `step` (clamped to the paths)
 *   { type: 'descent:setParams', runIndex?, params: { lr?, rho?, decay?, beta1?, beta2?, eps?,
 *                                            weightDecay?, dampening?, momentumDecay?, etaMinus?,
 *                                            etaPlus?, stepMin?, stepMax?, lambd?, power?, t0? } }
 *                                            (any key of HYPERPARAMS)
 *                                            set hyperparameters of run `runIndex` (0-based, in the
 *                                            order of `state.runs`) or, without it, of every run
 *                                            whose optimizer reads them; all values must pass the
 *                                            engine's limits or nothing changes
 *   { type: 'descent:getState', requestId? } answered by a 'descent:state' message
 *
 * From the frame to its parent (`window.addEventListener('message', …)`, check `event.source`):
 *
 *   { type: 'descent:ready', protocol: 1 }   the frame listens from now on
 *   { type: 'descent:resize', height }       the content height in CSS pixels, for auto-resizing
 *   { type: 'descent:step', step }           the whole step shown (at most ~10 a second while playing)
 *   { type: 'descent:finished' }             playback reached the end of the paths
 *   { type: 'descent:state', requestId, state: EmbedState }
 *
 * Anything else (wrong shape, unknown type, extra fields, invalid values) is ignored silently:
 * a frame cannot tell a hostile host from a buggy one, and neither may break the page.
 */
import { HYPERPARAMS, type HyperparamKey } from '../engine';

export const PROTOCOL_VERSION = 1;

export type Params = Partial<Record<HyperparamKey, number>>;
type RequestId = string | number | null;

export type IncomingMessage =
  | { readonly type: 'descent:play' }
  | { readonly type: 'descent:pause' }
  | { readonly type: 'descent:reset' }
  | { readonly type: 'descent:seek'; readonly step: number }
  | { readonly type: 'descent:setParams'; readonly runIndex: number | null; readonly params: Params }
  | { readonly type: 'descent:getState'; readonly requestId: RequestId };

export interface EmbedRunState {
  readonly optimizer: string;
  /** The hyperparameters the run's optimizer reads. */
  readonly params: Params;
  readonly visible: boolean;
  /** The run's point shown: the playhead's step, or the last point of a run that stopped early. */
  readonly step: number;
  readonly loss: number;
  readonly x: number;
  readonly y: number;
  /**
   * 'ok'; 'diverged', 'singular' or 'lineSearchFailed' once the playhead reached where it
   * stopped; 'left' once it left the plot.
   */
  readonly status: 'ok' | 'diverged' | 'singular' | 'lineSearchFailed' | 'left';
}

export interface EmbedState {
  readonly surface: string;
  readonly step: number;
  readonly lastStep: number;
  readonly playing: boolean;
  readonly runs: readonly EmbedRunState[];
}

export type OutgoingMessage =
  | { readonly type: 'descent:ready'; readonly protocol: number }
  | { readonly type: 'descent:resize'; readonly height: number }
  | { readonly type: 'descent:step'; readonly step: number }
  | { readonly type: 'descent:finished' }
  | { readonly type: 'descent:state'; readonly requestId: RequestId; readonly state: EmbedState };

const VALID = new Map(HYPERPARAMS.map((h) => [h.key as string, h.valid]));

/** A plain object: not null, not an array, not a class instance such as a Date or a Map. */
function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Only the fields named, each of them optional unless listed in `required`. */
function hasOnly(o: Record<string, unknown>, allowed: readonly string[], required: readonly string[] = []): boolean {
  const keys = Object.keys(o);
  return keys.every((k) => allowed.includes(k)) && required.every((k) => keys.includes(k));
}

function parseParams(v: unknown): Params | null {
  if (!isRecord(v)) return null;
  const keys = Object.keys(v);
  if (keys.length === 0) return null;
  const out: Params = {};
  for (const key of keys) {
    const valid = VALID.get(key);
    const value = v[key];
    if (!valid || typeof value !== 'number' || !valid(value)) return null;
    out[key as HyperparamKey] = value;
  }
  return out;
}

/** A message from the host, or null for anything that is not exactly one of ours. */
export function parseIncoming(data: unknown): IncomingMessage | null {
  if (!isRecord(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'descent:play':
    case 'descent:pause':
    case 'descent:reset':
      return hasOnly(data, ['type']) ? { type: data.type } : null;
    case 'descent:seek': {
      const { step } = data;
      if (!hasOnly(data, ['type', 'step'], ['step']) || typeof step !== 'number' || !Number.isFinite(step) || step < 0) return null;
      return { type: 'descent:seek', step: Math.floor(step) };
    }
    case 'descent:setParams': {
      if (!hasOnly(data, ['type', 'runIndex', 'params'], ['params'])) return null;
      const { runIndex } = data;
      if (runIndex !== undefined && !(typeof runIndex === 'number' && Number.isInteger(runIndex) && runIndex >= 0)) return null;
      const params = parseParams(data.params);
      return params ? { type: 'descent:setParams', runIndex: runIndex ?? null, params } : null;
    }
    case 'descent:getState': {
      if (!hasOnly(data, ['type', 'requestId'])) return null;
      const { requestId } = data;
      if (requestId === undefined) return { type: 'descent:getState', requestId: null };
      const ok = (typeof requestId === 'string' && requestId.length <= 200) || (typeof requestId === 'number' && Number.isFinite(requestId));
      return ok ? { type: 'descent:getState', requestId } : null;
    }
    default:
      return null;
  }
}
