import { useEffect, useMemo, useRef, useState } from 'react';
import { ExportButtonFace } from './ExportButtonFace';
import { RUNS_CSV_HEADER } from '../../engine';
import { computeScene } from '../../state/paths';
import { playhead } from '../../state/playhead';
import { sceneStore } from '../../state/store';
import { webglStatus } from '../../state/webglStatus';
import { useScene } from '../../state/useScene';
import { SCENE_CANVAS_SELECTOR, copyPendingText, downloadBlob, downloadText, fileStem, findSceneCanvas, pngFileName, sceneCsv, sceneJson } from './exporters';
import { exportPng, preloadPytorch, pytorchText, startVideo } from './exportLoader';
import { exportTranslator, type ExportKey, type ExportTranslate } from '../../i18n/exportText';
import { useLang } from '../shell/useT';
import { useMenu } from '../toolbar/useMenu';
import { MAX_RECORD_SECONDS, recordingPlan, webmMimeType, type Recording } from './videoPlan';

type ItemId = 'png' | 'webm' | 'csv' | 'json' | 'pytorch';

interface Item {
  readonly id: ItemId;
  readonly label: ExportKey;
  /** What the item will save, or why it cannot. */
  readonly hint: string;
  readonly disabled: boolean;
}

/** A file the status offers to save (the PyTorch script, after it was copied). */
interface Offer {
  readonly text: string;
  readonly fileName: string;
}

type Status =
  | { readonly kind: 'recording'; readonly percent: number }
  | { readonly kind: 'done' | 'error'; readonly text: string; readonly save?: Offer };

/** How long a finished export's message stays; one with a button to press, longer. */
const STATUS_MS = 8000;
const STATUS_WITH_ACTION_MS = 20_000;

const PYTHON_TYPE = 'text/x-python;charset=utf-8';

/**
 * Read when the menu opens, not subscribed: the playhead moves every frame and the menu shows
 * a snapshot of what each export would save.
 */
function menuItems(t: ExportTranslate, canvasSelector: string, recording: boolean): Item[] {
  const state = sceneStore.getState();
  const hasCanvas = findSceneCanvas(canvasSelector) !== null;
  const hasRuns = state.runs.some((r) => r.visible);
  const plan = recordingPlan(computeScene(state).lastStep, state.speed);
  const webmReason = !hasCanvas ? 'export.noCanvas' : webmMimeType() === null ? 'export.noRecorder' : recording ? 'export.busy' : null;
  // While a video records, the playhead is the recording's: a picture would catch one of its frames.
  const pngReason = !hasCanvas ? 'export.noCanvas' : recording ? 'export.busy' : null;
  // The video's whole length, held start and end included: what the file will last.
  const seconds = Math.max(1, Math.round(plan.total));
  return [
    {
      id: 'png',
      label: 'export.png',
      hint: pngReason ? t(pngReason) : t(state.view === '2d' || webglStatus.getState().unavailable ? 'export.pngHint2d' : 'export.pngHint3d', { step: Math.floor(playhead.step + 1e-9) }),
      disabled: pngReason !== null,
    },
    {
      id: 'webm',
      label: 'export.webm',
      hint: webmReason
        ? t(webmReason)
        : plan.capped
          ? t('export.webmHintCapped', { end: plan.end, speed: state.speed, seconds: MAX_RECORD_SECONDS })
          : t('export.webmHint', { end: plan.end, speed: state.speed, seconds }),
      disabled: webmReason !== null,
    },
    {
      id: 'csv',
      label: 'export.csv',
      hint: hasRuns ? t('export.csvHint', { columns: RUNS_CSV_HEADER.replace(/,/g, ', ') }) : t('export.noRuns'),
      disabled: !hasRuns,
    },
    { id: 'json', label: 'export.json', hint: hasRuns ? t('export.jsonHint') : t('export.noRuns'), disabled: !hasRuns },
    { id: 'pytorch', label: 'export.pytorch', hint: hasRuns ? t('export.pytorchHint') : t('export.noRuns'), disabled: !hasRuns },
  ];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ExportMenuProps {
  /** Which canvas the PNG and the video take; the app's stage by default. */
  readonly canvasSelector?: string;
  /** Opens the menu as it mounts: its button was pressed before the menu had loaded. */
  readonly openAtOnce?: boolean;
  /** Focuses its button as it mounts: the placeholder it replaces had the focus. */
  readonly focusAtOnce?: boolean;
}

/**
 * The Export button and its menu (the WAI-ARIA menu button pattern: arrows, Home, End,
 * Escape). A recording shows its progress and a Cancel button beside the menu.
 */
export function ExportMenu({ canvasSelector = SCENE_CANVAS_SELECTOR, openAtOnce = false, focusAtOnce = false }: ExportMenuProps) {
  const lang = useLang();
  const t = useMemo(() => exportTranslator(lang), [lang]);
  const surfaceId = useScene((s) => s.surfaceId);
  const [items, setItems] = useState<Item[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  const recording = useRef<Recording | null>(null);
  const menu = useMenu<HTMLDivElement>({
    itemSelector: '[role="menuitem"]',
    onOpen: () => {
      setItems(menuItems(t, canvasSelector, recording.current !== null));
      // A finished export's message has been seen by now.
      setStatus((s) => (s?.kind === 'recording' ? s : null));
    },
  });
  const { open, close, placement } = menu;
  const { buttonRef } = menu;
  const openedAtOnce = useRef(false);
  useEffect(() => {
    // The press that loaded the menu opens it, once (a ref: development's double effects aside).
    if (focusAtOnce) buttonRef.current?.focus();
    if (!openAtOnce || openedAtOnce.current) return;
    openedAtOnce.current = true;
    buttonRef.current?.click();
    // At mount only: the placeholder's focus and press carry over once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openAtOnce, buttonRef]);

  // A recording outlives nothing: leaving the page section stops it.
  useEffect(() => () => recording.current?.cancel(), []);

  // Done and error messages go away by themselves; a recording stays until it ends.
  useEffect(() => {
    if (!status || status.kind === 'recording') return;
    const timer = setTimeout(() => setStatus(null), status.save ? STATUS_WITH_ACTION_MS : STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const startRecording = (canvas: HTMLCanvasElement) => {
    const fileName = `${fileStem(surfaceId)}.webm`;
    setStatus({ kind: 'recording', percent: 0 });
    const rec = startVideo(canvas, (fraction) => {
      // Whole percents only: React skips a state equal to the last, so most frames render nothing.
      const percent = Math.floor(fraction * 100);
      setStatus((s) => (s?.kind === 'recording' && s.percent === percent ? s : { kind: 'recording', percent }));
    });
    recording.current = rec;
    rec.result.then(
      (blob) => {
        recording.current = null;
        if (blob) {
          downloadBlob(blob, fileName);
          setStatus({ kind: 'done', text: t('export.saved', { file: fileName }) });
        } else {
          setStatus({ kind: 'done', text: t('export.cancelled') });
        }
      },
      (error: unknown) => {
        recording.current = null;
        setStatus({ kind: 'error', text: t('export.failed', { reason: errorText(error) }) });
      },
    );
  };

  /** Copies the scene's PyTorch script, offering it as a file too; saves it where the clipboard is closed. */
  const copyPytorch = async (scene: Parameters<typeof pytorchText>[0]) => {
    const made = pytorchText(scene);
    // Asked for at once, within the click: the script follows when its module has loaded.
    const copied = await copyPendingText(made.then((m) => m.text));
    const { text, fileName } = await made;
    if (copied) {
      setStatus({ kind: 'done', text: t('export.pytorchCopied'), save: { text, fileName } });
    } else {
      downloadText(text, fileName, PYTHON_TYPE);
      setStatus({ kind: 'done', text: t('export.pytorchNoClipboard', { file: fileName }) });
    }
  };

  const activate = async (item: Item) => {
    if (item.disabled) return;
    close(true);
    const state = sceneStore.getState();
    const stem = fileStem(state.surfaceId);
    try {
      if (item.id === 'csv') {
        downloadText(sceneCsv(state), `${stem}.csv`, 'text/csv;charset=utf-8');
      } else if (item.id === 'json') {
        downloadText(sceneJson(state), `${stem}.json`, 'application/json');
      } else if (item.id === 'pytorch') {
        await copyPytorch(state);
      } else {
        const canvas = findSceneCanvas(canvasSelector);
        if (!canvas) throw new Error(t('export.noCanvas'));
        if (item.id === 'webm') {
          startRecording(canvas);
          return;
        }
        const fileName = pngFileName(state.surfaceId, playhead.step);
        downloadBlob(await exportPng(canvas), fileName);
      }
    } catch (error) {
      setStatus({ kind: 'error', text: t('export.failed', { reason: errorText(error) }) });
    }
  };

  const announcement = status === null ? '' : status.kind === 'recording' ? t('export.recordingStarted') : status.text;

  return (
    <div className="export-menu" ref={menu.rootRef}>
      <button type="button" className="button" {...menu.buttonProps}>
        <ExportButtonFace />
      </button>
      {open && (
        <div {...menu.menuProps} aria-label={t('export.menu')} className="export-popover">
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="export-item"
              aria-describedby={`${menu.menuId}-${item.id}`}
              aria-disabled={item.disabled || undefined}
              data-export={item.id}
              onClick={() => void activate(item)}
              // The script's writer comes with mathjs: fetched as soon as the item is in reach.
              onPointerEnter={item.id === 'pytorch' && !item.disabled ? () => void preloadPytorch().catch(() => {}) : undefined}
              onFocus={item.id === 'pytorch' && !item.disabled ? () => void preloadPytorch().catch(() => {}) : undefined}
            >
              <span className="export-item-label">{t(item.label)}</span>
              {/* The hint is the item's description, not part of its name (aria-describedby
                  reads it even so): the name is the visible label alone. */}
              <span className="export-item-hint" id={`${menu.menuId}-${item.id}`} aria-hidden="true">
                {item.hint}
              </span>
            </button>
          ))}
        </div>
      )}
      {/* Always present: a live region announces changes, not its own arrival. */}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {status && !open && (
        <div className="export-popover export-status" data-up={placement.up || undefined} data-end={placement.end || undefined} data-kind={status.kind}>
          {status.kind === 'recording' ? (
            <>
              {/* Hidden from screen readers: the live region and the progress bar say it once. */}
              <span className="export-status-text" aria-hidden="true">
                {t('export.recording', { percent: status.percent })}
              </span>
              <progress className="export-progress" max={100} value={status.percent} aria-label={t('export.progress')} />
              <button
                type="button"
                className="button"
                onClick={() => {
                  recording.current?.cancel();
                  // This button goes away with the recording: focus returns to where it came from.
                  menu.buttonRef.current?.focus();
                }}
              >
                {t('export.cancel')}
              </button>
            </>
          ) : (
            <>
              <span className="export-status-text" aria-hidden="true">
                {status.text}
              </span>
              {status.save && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    if (status.save) downloadText(status.save.text, status.save.fileName, PYTHON_TYPE);
                  }}
                >
                  {t('export.pytorchSave', { file: status.save.fileName })}
                </button>
              )}
              <button type="button" className="button ghost" onClick={() => setStatus(null)} aria-label={t('export.dismiss')}>
                ✕
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
