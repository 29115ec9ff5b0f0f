// The postMessage bridge between an embedded Descent and the page around it (the API itself is
// documented in protocol.ts). Active only inside a frame; it listens to the parent window alone
// and posts to it with targetOrigin '*': an embed cannot know its host, and it sends nothing
// that is not already on the host's screen.
import { isFramed } from './framed';
import { optimizerParams, sceneStore } from '../state/store';
import { computeScene } from '../state/paths';
import { rewind } from '../state/playback';
import { onPlayhead, playhead, seek } from '../state/playhead';
import { readIncoming, PROTOCOL_VERSION, type EmbedRunState, type EmbedState, type IncomingMessage, type OutgoingMessage, type Params } from './protocol';

/** At most this often a 'descent:step' while playing: a host redrawing its own text needs no more. */
const STEP_INTERVAL_MS = 100;

function wholeStep(): number {
  return Math.floor(playhead.step + 1e-9);
}

function currentState(): EmbedState {
  const state = sceneStore.getState();
  const scene = computeScene(state);
  const k = Math.min(wholeStep(), scene.lastStep);
  const runs = scene.runs.map(({ run, path, leftAt }): EmbedRunState => {
    const i = Math.max(0, Math.min(k, path.steps));
    const params: Params = {};
    for (const key of optimizerParams(run.optimizer)) params[key] = run.params[key];
    // As the legend tells it: the news of a stop or an exit arrives with the playhead.
    const status = path.status !== 'ok' && k >= path.steps ? path.status : leftAt >= 0 && k >= leftAt ? 'left' : 'ok';
    return { optimizer: run.optimizer, params, visible: run.visible, step: i, loss: path.loss[i], x: path.x[i], y: path.y[i], status };
  });
  return { surface: state.surfaceId, step: k, lastStep: scene.lastStep, playing: state.playing, runs };
}

/**
 * Sets the values on one run, or on every run whose optimizer reads them; one store update.
 * Returns why nothing could be set, or null.
 */
function applyParams(runIndex: number | null, params: Params): string | null {
  const { runs } = sceneStore.getState();
  if (runIndex !== null && runIndex >= runs.length) {
    return `runIndex ${runIndex} is past the last run: ${runs.length === 0 ? 'the scene has no runs' : `the runs are 0 … ${runs.length - 1}`}`;
  }
  const given = Object.keys(params);
  const targets = runIndex === null ? runs : [runs[runIndex]];
  // A value that no run it was meant for reads would change nothing: say so, rather than seem to obey.
  if (!targets.some((run) => optimizerParams(run.optimizer).some((key) => given.includes(key)))) {
    const whose = runIndex === null ? 'no run' : `run ${runIndex} (${runs[runIndex].optimizer}, which reads ${optimizerParams(runs[runIndex].optimizer).join(', ')})`;
    return `${whose} reads ${given.join(', ')}`;
  }
  let changed = false;
  const next = runs.map((run, i) => {
    if (runIndex !== null && i !== runIndex) return run;
    let updated = run.params;
    for (const key of optimizerParams(run.optimizer)) {
      const value = params[key];
      if (value !== undefined && value !== updated[key]) updated = { ...updated, [key]: value };
    }
    if (updated === run.params) return run;
    changed = true;
    return { ...run, params: updated };
  });
  if (changed) sceneStore.setState({ runs: next });
  return null;
}

function handle(msg: IncomingMessage, post: (m: OutgoingMessage) => void): void {
  const state = sceneStore.getState();
  switch (msg.type) {
    case 'descent:play':
      state.setPlaying(true);
      return;
    case 'descent:pause':
      state.setPlaying(false);
      return;
    case 'descent:reset':
      rewind();
      return;
    case 'descent:seek':
      state.setPlaying(false);
      seek(Math.min(msg.step, computeScene(state).lastStep));
      return;
    case 'descent:setParams': {
      const reason = applyParams(msg.runIndex, msg.params);
      if (reason !== null) post({ type: 'descent:refused', refused: msg.type, reason });
      return;
    }
    case 'descent:getState':
      post({ type: 'descent:state', requestId: msg.requestId, state: currentState() });
      return;
  }
}


/**
 * Listens for the host's commands and reports ready, resize, step and finished. `content` is
 * the element whose height the host should give the frame. Returns the stop function.
 */
export function startEmbedMessages(content: Element | null = null, win: Window = window): () => void {
  if (!isFramed(win)) return () => {};
  const parent = win.parent;
  const post = (m: OutgoingMessage) => {
    try {
      parent.postMessage(m, '*');
    } catch {
      // A parent that went away mid-message: nobody is left to tell.
    }
  };

  const onMessage = (e: MessageEvent) => {
    // Only the page that embeds us may drive us: not a popup, not a sibling frame.
    if (e.source !== parent) return;
    const read = readIncoming(e.data);
    if (read.ok) handle(read.message, post);
    else if (read.refused !== null) post({ type: 'descent:refused', refused: read.refused, reason: read.reason });
  };
  win.addEventListener('message', onMessage);

  // Step reports, throttled with a trailing send so that the last step is never lost.
  let sentStep = wholeStep();
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const sendStep = () => {
    timer = null;
    const step = wholeStep();
    if (step === sentStep) return;
    sentStep = step;
    lastSent = performance.now();
    post({ type: 'descent:step', step });
  };
  const offPlayhead = onPlayhead(() => {
    if (wholeStep() === sentStep || timer) return;
    const wait = STEP_INTERVAL_MS - (performance.now() - lastSent);
    if (wait <= 0) sendStep();
    else timer = setTimeout(sendStep, wait);
  });

  const offStore = sceneStore.subscribe((s, prev) => {
    // Runs added or removed change what the sliders' box holds, not its size: measure again once laid out.
    if (s.runs !== prev.runs || s.embed !== prev.embed) {
      if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(() => reportHeight());
      else setTimeout(() => reportHeight(), 0);
    }
    // playback.ts stops at the end by seeking there and then pausing.
    if (prev.playing && !s.playing) {
      const end = computeScene(s).lastStep;
      if (end > 0 && playhead.step >= end) {
        if (timer) clearTimeout(timer);
        sendStep();
        post({ type: 'descent:finished' });
      }
    }
  });

  let sentHeight = -1;
  const reportHeight = () => {
    const doc = win.document.documentElement;
    // A box that scrolls inside the frame (the embed's sliders, held to half of it) asks for the
    // height it hides: the host that follows these messages grows the frame until all of it shows.
    let hidden = 0;
    for (const box of win.document.querySelectorAll('[data-embed-fit]')) hidden += Math.max(0, box.scrollHeight - box.clientHeight);
    const height = Math.ceil(Math.max(doc.scrollHeight, content?.scrollHeight ?? 0) + hidden);
    if (height > 0 && height !== sentHeight) {
      sentHeight = height;
      post({ type: 'descent:resize', height });
    }
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(reportHeight) : null;
  observer?.observe(win.document.documentElement);
  if (win.document.body) observer?.observe(win.document.body);
  if (content) observer?.observe(content);
  // The sliders' boxes may come after this bridge (the embed's controls load on their own): each
  // is observed when it appears, so the height it hides is asked for then.
  const watched = new Set<Element>();
  const watchBoxes = () => {
    for (const box of win.document.querySelectorAll('[data-embed-fit]')) {
      if (watched.has(box)) continue;
      watched.add(box);
      observer?.observe(box);
    }
  };
  const added = typeof MutationObserver === 'function' ? new MutationObserver(() => (watchBoxes(), reportHeight())) : null;
  added?.observe(content ?? win.document.documentElement, { childList: true, subtree: true });
  watchBoxes();

  post({ type: 'descent:ready', protocol: PROTOCOL_VERSION });
  reportHeight();

  return () => {
    win.removeEventListener('message', onMessage);
    offPlayhead();
    offStore();
    observer?.disconnect();
    added?.disconnect();
    if (timer) clearTimeout(timer);
  };
}
