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
 *   { type: 'descent:refused', refused, reason }
 *                                            a command above (`refused`: its type) that was not
 *                                            carried out, and why in one English line that names
 *                                            the bad field and what it accepts:
 *                                            "params.beta1 must be a number in [0, 1), got 1"
 *
 * A refused command changes nothing. Anything that is not one of the commands above (no type,
 * another library's message, an unknown or outgoing 'descent:' type) is ignored silently: a
 * frame cannot tell a hostile host from a buggy one, neither may break the page, and an answer
 * to a message of our own kind could echo back and forth with a host that relays everything.
 */
import { HYPERPARAMS, type HyperparamKey } from '../engine';

export const PROTOCOL_VERSION = 1;

export type Params = Partial<Record<HyperparamKey, number>>;
type RequestId = string | number | null;

const INCOMING_TYPES = ['descent:play', 'descent:pause', 'descent:reset', 'descent:seek', 'descent:setParams', 'descent:getState'] as const;
type IncomingType = (typeof INCOMING_TYPES)[number];

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
  | { readonly type: 'descent:state'; readonly requestId: RequestId; readonly state: EmbedState }
  | { readonly type: 'descent:refused'; readonly refused: IncomingType; readonly reason: string };

/**
 * A host's message read: a command to carry out, one of ours refused with its reason, or
 * (`reason: null`) not one of ours at all, which gets no answer.
 */
export type IncomingReading =
  | { readonly ok: true; readonly message: IncomingMessage }
  | { readonly ok: false; readonly refused: IncomingType; readonly reason: string }
  | { readonly ok: false; readonly refused: null; readonly reason: null };

const VALID = new Map(HYPERPARAMS.map((h) => [h.key as string, h]));

/** A plain object: not null, not an array, not a class instance such as a Date or a Map. */
function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Longest piece of the host's own text quoted back: a reason names a value, it does not echo a payload. */
const QUOTED = 40;

/** A host's value in a reason, short whatever its size. */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > QUOTED ? `${v.slice(0, QUOTED - 1)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The first field besides those named, or null when there is none. */
function extraField(o: Record<string, unknown>, allowed: readonly string[]): string | null {
  return Object.keys(o).find((k) => !allowed.includes(k)) ?? null;
}

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };
const accept = <T>(value: T): Read<T> => ({ ok: true, value });
const refuse = <T>(reason: string): Read<T> => ({ ok: false, reason });

function readParams(v: unknown): Read<Params> {
  if (!isRecord(v)) return refuse(`params must be an object of hyperparameters such as { lr: 0.1 }, got ${shown(v)}`);
  const keys = Object.keys(v);
  if (keys.length === 0) return refuse('params is empty: name at least one hyperparameter, such as { lr: 0.1 }');
  const out: Params = {};
  for (const key of keys) {
    const info = VALID.get(key);
    const value = v[key];
    if (!info) return refuse(`params.${shown(key)} is not a hyperparameter; one of ${[...VALID.keys()].join(', ')}`);
    if (typeof value !== 'number' || !info.valid(value)) return refuse(`params.${key} must be ${info.accepts}, got ${shown(value)}`);
    out[key as HyperparamKey] = value;
  }
  return accept(out);
}

function readRequestId(requestId: unknown): Read<RequestId> {
  if (requestId === undefined) return accept(null);
  if ((typeof requestId === 'string' && requestId.length <= 200) || (typeof requestId === 'number' && Number.isFinite(requestId))) return accept(requestId);
  return refuse(`requestId must be a string of at most 200 characters or a finite number, got ${shown(requestId)}`);
}

function readCommand(type: IncomingType, data: Record<string, unknown>): Read<IncomingMessage> {
  const fields: Record<IncomingType, readonly string[]> = {
    'descent:play': ['type'],
    'descent:pause': ['type'],
    'descent:reset': ['type'],
    'descent:seek': ['type', 'step'],
    'descent:setParams': ['type', 'runIndex', 'params'],
    'descent:getState': ['type', 'requestId'],
  };
  const extra = extraField(data, fields[type]);
  if (extra !== null) return refuse(`${shown(extra)} is not a field of ${type}; its fields: ${fields[type].join(', ')}`);
  switch (type) {
    case 'descent:play':
    case 'descent:pause':
    case 'descent:reset':
      return accept({ type });
    case 'descent:seek': {
      const { step } = data;
      if (typeof step !== 'number' || !Number.isFinite(step) || step < 0) return refuse(`step must be a finite number ≥ 0, got ${shown(step)}`);
      return accept({ type, step: Math.floor(step) });
    }
    case 'descent:setParams': {
      const { runIndex } = data;
      if (runIndex !== undefined && !(typeof runIndex === 'number' && Number.isInteger(runIndex) && runIndex >= 0)) {
        return refuse(`runIndex must be a whole number ≥ 0 (or left out for every run), got ${shown(runIndex)}`);
      }
      if (!('params' in data)) return refuse('params is required, such as { lr: 0.1 }');
      const params = readParams(data.params);
      return params.ok ? accept({ type, runIndex: runIndex ?? null, params: params.value }) : params;
    }
    case 'descent:getState': {
      const requestId = readRequestId(data.requestId);
      return requestId.ok ? accept({ type, requestId: requestId.value }) : requestId;
    }
  }
}

const isIncomingType = (t: unknown): t is IncomingType => (INCOMING_TYPES as readonly unknown[]).includes(t);

/** Reads a host's message: a command, a command refused with its reason, or not ours at all. */
export function readIncoming(data: unknown): IncomingReading {
  if (!isRecord(data) || !isIncomingType(data.type)) return { ok: false, refused: null, reason: null };
  const read = readCommand(data.type, data);
  return read.ok ? { ok: true, message: read.value } : { ok: false, refused: data.type, reason: read.reason };
}

/** A message from the host, or null for anything that is not exactly one of ours. */
export function parseIncoming(data: unknown): IncomingMessage | null {
  const read = readIncoming(data);
  return read.ok ? read.message : null;
}
