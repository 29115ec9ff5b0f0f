import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { runMarkers } from '../../state/markers';
import { OPTIMIZER_LINE_STYLES } from '../../state/palette';
import { computeScene } from '../../state/paths';
import { onPlayhead, playhead } from '../../state/playhead';
import { sceneStore, type RunConfig } from '../../state/store';
import { useScene } from '../../state/useScene';
import { formatNumber } from '../../i18n/numberFormat';
import { type Translate } from '../../i18n';
import { useT } from '../shell/useT';
import { MarkerIcon } from './MarkerIcon';
import { pointIndex, runNoteAt } from './runStatus';
import { runTag } from './runTag';
import './Legend.css';

const FIELDS = ['step', 'loss', 'x', 'y', 'status'] as const;
type Field = (typeof FIELDS)[number];
type RowCells = { readonly row: HTMLElement } & Record<Field, HTMLElement | null>;

function write(cell: HTMLElement | null, text: string, value?: number): void {
  if (!cell) return;
  if (cell.textContent !== text) cell.textContent = text;
  if (value !== undefined) cell.dataset.value = String(value);
}

/**
 * Each run's numbers at the playhead, beside the loss chart. Rows are React's (they
 * change with the runs); the numbers inside are written straight to the DOM, and only when the
 * whole step under the playhead changes or the paths are recomputed.
 */
export function Legend() {
  const t = useT();
  const runs = useScene((s) => s.runs);
  const markers = runMarkers(runs);
  // Open from the start: it sits beside the chart, over nothing. Folding it is the reader's choice.
  const [open, setOpen] = useState(true);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const cells = useRef(new Map<string, RowCells>());
  const tRef = useRef<Translate>(t);
  const updateRef = useRef<(force: boolean) => void>(() => {});

  useEffect(() => {
    let shownStep = -1;
    const update = (force: boolean) => {
      const k = Math.floor(playhead.step + 1e-9);
      if (!force && k === shownStep) return;
      shownStep = k;
      const tr = tRef.current;
      for (const computed of computeScene(sceneStore.getState()).runs) {
        const c = cells.current.get(computed.run.id);
        if (!c) continue;
        const { path } = computed;
        const i = pointIndex(k, path.steps);
        write(c.step, String(i), i);
        write(c.loss, formatNumber(path.loss[i]), path.loss[i]);
        write(c.x, formatNumber(path.x[i]), path.x[i]);
        write(c.y, formatNumber(path.y[i]), path.y[i]);
        const note = runNoteAt(computed, k);
        c.row.dataset.status = note.kind;
        c.row.dataset.ahead = String(note.kind !== 'ok' && note.ahead);
        write(
          c.status,
          note.kind === 'ok' ? '' : tr(note.ahead ? `legend.${note.kind}Ahead` : `legend.${note.kind}`, { k: note.at }),
          note.kind === 'ok' ? -1 : note.at,
        );
      }
    };
    updateRef.current = update;
    const offPlayhead = onPlayhead(() => update(false));
    let version = computeScene(sceneStore.getState()).version;
    const offStore = sceneStore.subscribe((s) => {
      const v = computeScene(s).version;
      if (v !== version) {
        version = v;
        update(true);
      }
    });
    return () => {
      offPlayhead();
      offStore();
      updateRef.current = () => {};
    };
  }, []);

  // After React has (re)built rows, find their cells and fill them in before the browser paints.
  useLayoutEffect(() => {
    tRef.current = t;
    cells.current.clear();
    const body = bodyRef.current;
    if (body) {
      for (const row of body.querySelectorAll<HTMLElement>('tr[data-run-id]')) {
        const id = row.dataset.runId;
        if (!id) continue;
        const find = (f: Field) => row.querySelector<HTMLElement>(`[data-field="${f}"]`);
        cells.current.set(id, { row, step: find('step'), loss: find('loss'), x: find('x'), y: find('y'), status: find('status') });
      }
    }
    updateRef.current(true);
  });

  return (
    <section className="legend" aria-label={t('legend.title')} data-open={open}>
      <table className="legend-table">
        <thead>
          <tr>
            <th scope="col" className="legend-head-name">
              {/* The fold switch is the name column's heading: no row of its own. */}
              <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
                <span className="legend-chevron" aria-hidden="true">
                  ▾
                </span>
                {t('legend.title')}
              </button>
            </th>
            <th scope="col" className="legend-num" hidden={!open}>
              {t('legend.step')}
            </th>
            <th scope="col" className="legend-num" hidden={!open}>
              {t('legend.loss')}
            </th>
            <th scope="col" className="legend-pos" hidden={!open}>
              {t('legend.position')}
            </th>
          </tr>
        </thead>
        <tbody ref={bodyRef} hidden={!open}>
          {runs.map((run, i) => (
            <tr key={run.id} data-run-id={run.id} data-visible={run.visible} className="legend-row">
              <th scope="row" className="legend-name">
                {/* The path's line style with the particle's shape on it, as the view draws them. */}
                <span className="legend-swatch" data-line={OPTIMIZER_LINE_STYLES[run.optimizer]} style={{ color: run.color }} aria-hidden="true">
                  <MarkerIcon shape={markers[i]} className="legend-marker" />
                </span>
                <span className="legend-label">
                  {t(`optimizer.${run.optimizer}`)}
                  <RunTag run={run} runs={runs} t={t} />
                  {!run.visible && <span className="visually-hidden"> ({t('legend.hidden')})</span>}
                </span>
                <span className="legend-status" data-field="status" role="status" />
              </th>
              <td className="legend-num" data-field="step" />
              <td className="legend-num" data-field="loss" />
              <td className="legend-pos">
                (<span data-field="x" />, <span data-field="y" />)
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The words after a run's name that tell it from its twins (see runTag). */
function RunTag({ run, runs, t }: { readonly run: RunConfig; readonly runs: readonly RunConfig[]; readonly t: Translate }) {
  const tag = runTag(run, runs, t);
  return tag ? <span className="legend-tag"> · {tag}</span> : null;
}
