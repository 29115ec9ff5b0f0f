import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore } from 'zustand';
import { hyperparamInfo, type HyperparamKey } from '../../engine';
import type { Basins } from '../../engine/maps/basins';
import { CELL_DIVERGED, CELL_OK, CELL_PENDING, knownMinimum } from '../../engine/maps/mapCells';
import { axisValue, basinStart, mappableParams, type MapRequest } from '../../engine/maps/mapRequest';
import { formatNumber } from '../../i18n/numberFormat';
import type { Translate } from '../../i18n';
import { basinColors } from '../../state/basinColors';
import { basinsOf } from '../../state/mapBasins';
import { mapStore, type MapState } from '../../state/maps';
import { MAP_CELL_CHOICES, MAP_SAMPLE_CHOICES, MAP_SEED_MAX, type MapView } from '../../state/mapSettings';
import { cancelMap, mapAxes, mapRunId } from '../../state/mapRunner';
import { sceneStore, sceneSurface } from '../../state/store';
import { useScene } from '../../state/useScene';
import { runTag } from '../runs/runTag';
import { useT } from '../shell/useT';
import { useMapText, type MapTranslate } from './useMapText';
import { cellPainter, DIVERGED_CSS, gapScale, inferno, mapLayout, NOT_REACHED_CSS, paintMap, type MapColors } from './mapPaint';
import { searchSamples, type SearchResult } from './mapSearch';
import { MapRangeFields } from './MapRangeFields';
import { momentumTheory, type MomentumTheory } from './momentumTheory';
import './MapPanel.css';

function useMap<T>(selector: (s: MapState) => T): T {
  return useStore(mapStore, selector);
}

function rgbCss(c: readonly [number, number, number]): string {
  return `rgb(${c.map((v) => Math.round(v)).join(' ')})`;
}

function hexRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function paramLabel(t: Translate, key: HyperparamKey): string {
  const symbol = hyperparamInfo(key)?.symbol;
  return symbol ? `${symbol} ${t(`param.${key}`)}` : t(`param.${key}`);
}

/** What a basin class is called in the legend and the readout. */
function basinName(m: MapTranslate, basins: Basins, k: number): string {
  const c = basins.classes[k];
  const at = (p: readonly [number, number] | null) => ({ x: p ? formatNumber(p[0], 3) : '', y: p ? formatNumber(p[1], 3) : '' });
  if (c.kind === 'minimum') return m(c.minimum?.kind === 'global' ? 'maps.basin.global' : 'maps.basin.local', at(c.at));
  if (c.kind === 'gathering') return m('maps.basin.gathering', at(c.at));
  return m(`maps.basin.${c.kind}`);
}

/** The words for one cell: its settings (or start) and what its run did. */
function describeCell(m: MapTranslate, request: MapRequest, state: MapState, c: number, fStar: number, basins: Basins | null): string {
  const outcomes = state.outcomes;
  if (!outcomes) return '';
  const i = c % outcomes.nx;
  const j = (c - i) / outcomes.nx;
  const status = outcomes.status[c];
  let outcome: string;
  if (status === CELL_PENDING) outcome = m('maps.cell.pending');
  else if (status === CELL_DIVERGED) outcome = m('maps.cell.diverged');
  else if (status !== CELL_OK) outcome = m('maps.cell.stopped');
  else if (basins) outcome = basinName(m, basins, basins.cellClass[c]);
  else {
    const value = fStar === fStar ? m('maps.cell.gap', { v: formatNumber(outcomes.loss[c] - fStar, 3) }) : m('maps.cell.loss', { v: formatNumber(outcomes.loss[c], 4) });
    const r = outcomes.reached[c];
    outcome = `${value} · ${r >= 0 ? m('maps.cell.reached', { v: r }) : m('maps.cell.notReached', { steps: request.run.steps })}`;
  }
  if (request.kind === 'basin') {
    const [x, y] = basinStart(request, i, j);
    return m('maps.cell.start', { x: formatNumber(x, 3), y: formatNumber(y, 3), place: outcome });
  }
  const xs = `${hyperparamInfo(request.x.param)?.symbol ?? request.x.param} = ${formatNumber(axisValue(request.x, i), 3)}`;
  const ys = `${hyperparamInfo(request.y.param)?.symbol ?? request.y.param} = ${formatNumber(axisValue(request.y, j), 3)}`;
  return m('maps.cell', { x: xs, y: ys, outcome });
}

function readColors(el: HTMLElement): MapColors {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#e6edf3'),
    dim: v('--text-dim', '#9aa5b1'),
    line: v('--line', '#30363d'),
    pending: v('--bg-raised', '#161b22'),
    mark: v('--accent', '#4cc9f0'),
    font: `${Math.round(parseFloat(style.fontSize) * 0.72)}px ${style.fontFamily}`,
  };
}

/**
 * A map of many runs of one run's settings: a hyperparameter map (two of its hyperparameters,
 * coloured by how the run ends, the run's own setting ringed, grid against random search), or a
 * basin map (a start in every cell, coloured by where it ends). Hover or the arrow keys read a
 * cell; a click or Enter applies it. In an embed the map comes first and its controls after it:
 * the post's reader came for the picture.
 */
export function MapPanel({ embedded = false }: { readonly embedded?: boolean }) {
  const t = useT();
  const m = useMapText();
  const kind = useScene((s) => s.map.kind);
  const cells = useScene((s) => s.map.cells);
  const view = useScene((s) => s.map.view);
  const samples = useScene((s) => s.map.samples);
  const sampleSeed = useScene((s) => s.map.sampleSeed);
  const onSurface = useScene((s) => s.map.onSurface);
  const chosenRun = useScene((s) => s.map.runId);
  const xChosen = useScene((s) => s.map.xParam);
  const yChosen = useScene((s) => s.map.yParam);
  const request = useMap((s) => s.request);
  const version = useMap((s) => s.version);
  const computing = useMap((s) => s.computing);
  const error = useMap((s) => s.error);
  const elapsed = useMap((s) => s.elapsed);
  const runs = useScene((s) => s.runs);
  const runId = useScene((s) => mapRunId(s, { runId: chosenRun }));
  const run = runs.find((r) => r.id === runId) ?? null;
  const surface = useScene((s) => sceneSurface(s));
  const theme = useScene((s) => s.theme);
  const presentation = useScene((s) => s.presentation);
  const [xParam, yParam] = run ? mapAxes(run.optimizer, { xParam: xChosen, yParam: yChosen }) : [null, null];
  const params = run ? mappableParams(run.optimizer) : [];
  const fStar = knownMinimum(surface);

  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(300);
  const [cursor, setCursor] = useState<number | null>(null);
  const pixelsRef = useRef<{ image: ImageData; scratch: HTMLCanvasElement } | null>(null);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const outcomes = mapStore.getState().outcomes;
  const complete = outcomes?.complete ?? false;
  // Basins are grouped once the map is whole (a gathering point found early could be a coarse cell's).
  // The outcomes fill in place: `version` says when they changed.
  const basins = useMemo(() => basinsOf(mapStore.getState(), surface.minima), [request, outcomes, surface, version]);
  const basinRgb = useMemo(() => (basins ? basinColors(basins.classes).map(hexRgb) : null), [basins]);
  const search: SearchResult | null = useMemo(
    () => (request?.kind === 'hyper' && samples > 0 ? searchSamples(request, surface, samples, sampleSeed) : null),
    [request, surface, samples, sampleSeed],
  );
  const theory = useMemo(() => (request ? momentumTheory(request, surface) : null), [request, surface]);
  const scale = useMemo(() => (outcomes ? gapScale(outcomes, fStar) : { lo: 0, hi: 1 }),
    // As above.
    [outcomes, fStar, version]);

  // Read from the styles once per look (theme, presentation's larger type), not every frame.
  const rem = useMemo(() => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16, [theme, presentation]);
  const colorsRef = useRef<{ key: string; colors: MapColors } | null>(null);
  const layout = mapLayout(width, rem);

  // Redraws at most once a frame as cells arrive.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !outcomes || !request) return;
    const lookOf = (el: HTMLCanvasElement): MapColors => {
      const key = `${theme}/${presentation}`;
      if (colorsRef.current?.key !== key) colorsRef.current = { key, colors: readColors(el) };
      return colorsRef.current.colors;
    };
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      // Only on a new size: setting a canvas's size reallocates and clears it.
      const w = Math.round(layout.width * dpr);
      const h = Math.round(layout.height * dpr);
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      // One cell-sized image and canvas per map size, reused frame after frame.
      let pixels = pixelsRef.current;
      if (!pixels || pixels.image.width !== outcomes.nx || pixels.image.height !== outcomes.ny) {
        const scratch = document.createElement('canvas');
        scratch.width = outcomes.nx;
        scratch.height = outcomes.ny;
        pixels = { image: new ImageData(outcomes.nx, outcomes.ny), scratch };
        pixelsRef.current = pixels;
      }
      const { image, scratch } = pixels;
      const current: readonly [number, number] | null =
        request.kind === 'hyper' ? [request.run.params[request.x.param] ?? Number.NaN, request.run.params[request.y.param] ?? Number.NaN] : request.run.start;
      paintMap(ctx, image, scratch, layout, request, outcomes, cellPainter(outcomes, view, scale, fStar, request.run.steps, basinRgb, basins), lookOf(canvas), { current, cursor, search, theory });
    });
    return () => cancelAnimationFrame(frame);
  }, [outcomes, request, version, layout.width, layout.height, view, scale, fStar, basins, basinRgb, cursor, search, theory, theme, presentation, layout]);

  const cellAt = (e: PointerEvent<HTMLCanvasElement>): number | null => {
    if (!outcomes) return null;
    const box = e.currentTarget.getBoundingClientRect();
    const fx = (e.clientX - box.left - layout.left) / layout.plot;
    const fy = 1 - (e.clientY - box.top - layout.top) / layout.plot;
    if (fx < 0 || fx >= 1 || fy < 0 || fy >= 1) return null;
    return Math.floor(fy * outcomes.ny) * outcomes.nx + Math.floor(fx * outcomes.nx);
  };

  const apply = (c: number) => {
    if (!request || !outcomes || !run) return;
    const i = c % outcomes.nx;
    const j = (c - i) / outcomes.nx;
    const s = sceneStore.getState();
    if (request.kind === 'basin') {
      s.setStart(basinStart(request, i, j));
      return;
    }
    s.setParam(run.id, request.x.param, axisValue(request.x, i));
    s.setParam(run.id, request.y.param, axisValue(request.y, j));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!outcomes) return;
    const { nx, ny } = outcomes;
    const c = cursor ?? Math.floor(ny / 2) * nx + Math.floor(nx / 2);
    let i = c % nx;
    let j = (c - i) / nx;
    const stride = e.shiftKey ? Math.max(1, Math.round(nx / 8)) : 1;
    if (e.key === 'ArrowLeft') i = Math.max(0, i - stride);
    else if (e.key === 'ArrowRight') i = Math.min(nx - 1, i + stride);
    else if (e.key === 'ArrowUp') j = Math.min(ny - 1, j + stride);
    else if (e.key === 'ArrowDown') j = Math.max(0, j - stride);
    else if (e.key === 'Enter' || e.key === ' ') {
      apply(c);
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    setCursor(j * nx + i);
  };

  const set = sceneStore.getState().setMap;
  const done = outcomes?.done ?? 0;
  const total = outcomes ? outcomes.nx * outcomes.ny : 0;
  const whatKey = view === 'reached' ? 'maps.view.reached' : fStar === fStar ? 'maps.view.gap' : 'maps.view.gapNoStar';
  const tolText = formatNumber(sceneStore.getState().map.tolerance, 2);
  const label =
    request?.kind === 'hyper'
      ? m('maps.canvas', { what: m(whatKey, { tol: tolText }), x: paramLabel(t, request.x.param), y: paramLabel(t, request.y.param) })
      : m('maps.canvasBasin');
  const readout = request && cursor !== null && outcomes && cursor < total ? describeCell(m, request, mapStore.getState(), cursor, fStar, basins) : '';
  const errorText = error === null ? '' : error.startsWith('maps.error.') ? m(error as 'maps.error.noRun') : m('maps.error.failed', { message: error });

  const controls = (
    <div className="map-controls">
      <label className="map-field map-wide">
        <span>{m('maps.kind')}</span>
        <select className="select" value={kind} onChange={(e) => set({ kind: e.currentTarget.value === 'basin' ? 'basin' : 'hyper' })}>
          <option value="hyper">{m('maps.kind.hyper')}</option>
          <option value="basin">{m('maps.kind.basin')}</option>
        </select>
      </label>
      <label className="map-field map-wide">
        <span>{m('maps.run')}</span>
        <select className="select" value={runId ?? ''} onChange={(e) => set({ runId: e.currentTarget.value })}>
          {runs.map((r) => {
            const tag = runTag(r, runs, t);
            return (
              <option key={r.id} value={r.id}>
                {t(`optimizer.${r.optimizer}`)}
                {tag ? ` · ${tag}` : ''}
              </option>
            );
          })}
        </select>
      </label>
      {kind === 'hyper' && xParam && yParam && (
        <>
          <label className="map-field map-wide">
            <span>{m('maps.x')}</span>
            <select className="select" value={xParam} onChange={(e) => set({ xParam: e.currentTarget.value as HyperparamKey, xRange: null })}>
              {params.map((h) => (
                <option key={h.key} value={h.key} disabled={h.key === yParam}>
                  {paramLabel(t, h.key)}
                </option>
              ))}
            </select>
          </label>
          <MapRangeFields axis="x" param={xParam} />
          <label className="map-field map-wide">
            <span>{m('maps.y')}</span>
            <select className="select" value={yParam} onChange={(e) => set({ yParam: e.currentTarget.value as HyperparamKey, yRange: null })}>
              {params.map((h) => (
                <option key={h.key} value={h.key} disabled={h.key === xParam}>
                  {paramLabel(t, h.key)}
                </option>
              ))}
            </select>
          </label>
          <MapRangeFields axis="y" param={yParam} />
          <label className="map-field map-wide">
            <span>{m('maps.view')}</span>
            <select className="select" value={view} onChange={(e) => set({ view: e.currentTarget.value as MapView })}>
              <option value="gap">{m(fStar === fStar ? 'maps.view.gap' : 'maps.view.gapNoStar')}</option>
              <option value="reached" disabled={fStar !== fStar}>
                {m('maps.view.reached', { tol: tolText })}
              </option>
            </select>
          </label>
        </>
      )}
      <label className="map-field">
        <span>{m('maps.cells')}</span>
        <select className="select" value={cells} onChange={(e) => set({ cells: Number(e.currentTarget.value) })}>
          {MAP_CELL_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n} × {n}
            </option>
          ))}
        </select>
      </label>
      {kind === 'hyper' && (
        <label className="map-field">
          <span>{m('maps.samples')}</span>
          <select className="select" value={samples} onChange={(e) => set({ samples: Number(e.currentTarget.value) })}>
            {MAP_SAMPLE_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? m('maps.samples.none') : m('maps.samples.count', { n })}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'basin' && (
        <label className="check map-check">
          <input type="checkbox" checked={onSurface} onChange={(e) => set({ onSurface: e.currentTarget.checked })} />
          <span>{m('maps.onSurface')}</span>
        </label>
      )}
    </div>
  );

  return (
    <div className="map-panel" ref={wrapRef}>
      {!embedded && <p className="map-intro">{m('maps.intro')}</p>}
      {!embedded && controls}
      {embedded && request?.kind === 'hyper' && (
        <p className="map-axes" data-field="map-axes">
          → {paramLabel(t, request.x.param)} · ↑ {paramLabel(t, request.y.param)}
        </p>
      )}
      {errorText ? (
        <p className="map-error" role="alert">
          {errorText}
        </p>
      ) : (
        <>
          <canvas
            ref={canvasRef}
            className="map-canvas"
            style={{ width: `${layout.width}px`, height: `${layout.height}px` }}
            role="img"
            tabIndex={0}
            aria-label={`${label}. ${m('maps.canvasHint')}`}
            data-map-kind={request?.kind ?? ''}
            onPointerMove={(e) => setCursor(cellAt(e))}
            // A tap has no hover: the cell it applies is read out too.
            onPointerDown={(e) => setCursor(cellAt(e))}
            onPointerLeave={() => setCursor(null)}
            onClick={(e) => {
              const c = cellAt(e as unknown as PointerEvent<HTMLCanvasElement>);
              if (c !== null) apply(c);
            }}
            onKeyDown={onKeyDown}
          />
          <p className="map-readout" aria-live="polite" data-field="readout">
            {readout ? `${readout} — ${m('maps.cell.apply')}` : '\u00a0'}
          </p>
          <div className="map-status">
            <progress className="map-progress" max={Math.max(1, total)} value={done} aria-label={m('maps.progress', { done, total })} />
            <span className="map-status-text" data-field="map-status">
              {computing ? m('maps.progress', { done, total }) : complete && elapsed !== null ? m('maps.doneIn', { total, steps: request?.run.steps ?? 0, ms: Math.round(elapsed) }) : outcomes ? m('maps.stopped', { done, total }) : ''}
            </span>
            {computing && (
              <button type="button" className="button map-stop" onClick={cancelMap}>
                {m('maps.cancel')}
              </button>
            )}
          </div>
          {request?.kind === 'hyper' && outcomes && <GapLegend m={m} view={view} lo={scale.lo} hi={scale.hi} hasStar={fStar === fStar} />}
          {basins && basinRgb && (
            <ul className="map-basins" aria-label={m('maps.canvasBasin')}>
              {basins.classes.map((c, k) =>
                c.count === 0 ? null : (
                  <li key={k}>
                    <span className="map-swatch" style={{ background: rgbCss(basinRgb[k]) }} aria-hidden="true" />
                    {basinName(m, basins, k)}
                    <span className="map-share">{m('maps.basin.share', { share: `${formatNumber((100 * c.count) / Math.max(1, done), 3)}%` })}</span>
                  </li>
                ),
              )}
            </ul>
          )}
          {theory && <TheoryNote m={m} theory={theory} />}
          {search && request?.kind === 'hyper' && <SearchSummary m={m} search={search} request={request} count={samples} fStar={fStar} />}
        </>
      )}
      {embedded && controls}
    </div>
  );
}

function GapLegend({ m, view, lo, hi, hasStar }: { m: MapTranslate; view: MapView; lo: number; hi: number; hasStar: boolean }) {
  const stops = Array.from({ length: 9 }, (_, k) => `${rgbCss(inferno(k / 8))} ${(k / 8) * 100}%`).join(', ');
  const ends =
    view === 'reached'
      ? null
      : hasStar
        ? [formatNumber(10 ** hi, 2), formatNumber(10 ** lo, 2)]
        : null;
  return (
    <div className="map-legend">
      <span>{m('maps.scale.bad')}</span>
      <span className="map-ramp" style={{ background: `linear-gradient(90deg, ${stops})` }} aria-hidden="true" />
      <span>{m('maps.scale.good')}</span>
      {ends && (
        <span className="map-ends">
          {ends[0]} … {ends[1]}
        </span>
      )}
      <span className="map-key">
        <span className="map-swatch" style={{ background: DIVERGED_CSS }} aria-hidden="true" />
        {m('maps.scale.diverged')}
      </span>
      {view === 'reached' && (
        <span className="map-key">
          <span className="map-swatch" style={{ background: NOT_REACHED_CSS }} aria-hidden="true" />
          {m('maps.scale.notReached')}
        </span>
      )}
    </div>
  );
}

function TheoryNote({ m, theory }: { m: MapTranslate; theory: MomentumTheory }) {
  const kappa = theory.lambdaMax / theory.lambdaMin;
  return (
    <p className="map-theory" data-field="theory">
      {m('maps.theory', {
        lmin: formatNumber(theory.lambdaMin, 3),
        lmax: formatNumber(theory.lambdaMax, 3),
        kappa: formatNumber(kappa, 3),
        eta: formatNumber(theory.optimum[0], 3),
        rho: formatNumber(theory.optimum[1], 3),
      })}
    </p>
  );
}

function SearchSummary({ m, search, request, count, fStar }: { m: MapTranslate; search: SearchResult; request: Extract<MapRequest, { kind: 'hyper' }>; count: number; fStar: number }) {
  const k = Math.round(Math.sqrt(count));
  const line = (key: 'maps.samples.grid' | 'maps.samples.random', s: SearchResult['grid'][number], marker: string) => (
    <li>
      <span className={`map-marker map-marker-${marker}`} aria-hidden="true" />
      {m(key, { n: k * k })}:{' '}
      {m('maps.samples.best', {
        value: Number.isFinite(s.score) ? (fStar === fStar ? `f − f* = ${formatNumber(s.score, 3)}` : `f = ${formatNumber(s.score, 4)}`) : m('maps.cell.diverged'),
        x: `${hyperparamInfo(request.x.param)?.symbol} = ${formatNumber(s.x, 3)}`,
        y: `${hyperparamInfo(request.y.param)?.symbol} = ${formatNumber(s.y, 3)}`,
      })}
    </li>
  );
  return (
    <div className="map-search" data-field="search">
      <ul>
        {line('maps.samples.grid', search.grid[search.bestGrid], 'grid')}
        {line('maps.samples.random', search.random[search.bestRandom], 'random')}
      </ul>
      <p className="map-why">{m('maps.samples.why', { k, n: k * k })}</p>
      <button type="button" className="button" onClick={() => sceneStore.getState().setMap({ sampleSeed: (sceneStore.getState().map.sampleSeed % MAP_SEED_MAX) + 1 })}>
        {m('maps.samples.reshuffle')}
      </button>
    </div>
  );
}

