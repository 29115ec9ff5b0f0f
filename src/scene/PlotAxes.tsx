import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Vector3, type OrthographicCamera } from 'three';
import type { Domain } from '../engine';
import { tickStep, ticksBetween } from './plotTicks';
import { formatPlotTick } from '../i18n/numberFormat';
import type { WorldMapping } from './worldMapping';
import './PlotAxes.css';

/** Room kept clear of numbers at each axis's far end, for its name. */
const AXIS_NAME_ROOM_REM = 2;
/** Room the fitted 2D view leaves for the numbers, in rem (the type grows when presenting). */
export const AXIS_ROOM_LEFT_REM = 2.8;
export const AXIS_ROOM_BOTTOM_REM = 1.7;
/** The least space between two numbers on an axis, in CSS pixels. */
const MIN_GAP_X = 64;
const MIN_GAP_Y = 36;

interface Placed {
  readonly text: string;
  readonly at: number;
}

function rootRem(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

/**
 * The 2D plot's axes: x along the bottom edge of the map and y along its left edge, numbered
 * with round values, following pan and zoom. Drawn as HTML beside the canvas's own pixels (crisp
 * type, read by screen readers as a list of values); rebuilt only when the view moves.
 */
export function PlotAxes({ mapping, domain, names }: { mapping: WorldMapping; domain: Domain; names: { x: string; y: string; label: string } }) {
  const camera = useThree((s) => s.camera) as OrthographicCamera;
  const canvas = useThree((s) => s.gl.domElement);
  const size = useThree((s) => s.size);
  const probe = useMemo(() => new Vector3(), []);
  const root = useMemo(() => {
    const el = document.createElement('div');
    el.className = 'plot-axes';
    el.setAttribute('role', 'group');
    const x = document.createElement('div');
    x.className = 'plot-axis plot-axis-x';
    const y = document.createElement('div');
    y.className = 'plot-axis plot-axis-y';
    el.append(x, y);
    return { el, x, y, key: '' };
  }, []);

  useEffect(() => {
    const parent = canvas.parentElement;
    if (!parent) return;
    parent.appendChild(root.el);
    return () => root.el.remove();
  }, [canvas, root]);

  useEffect(() => {
    root.el.setAttribute('aria-label', names.label);
    root.key = '';
  }, [names.label, root]);

  useFrame(() => {
    if (!camera.isOrthographicCamera) return;
    const { width: w, height: h } = size;
    const zoom = camera.zoom;
    camera.updateMatrixWorld();
    // Where the plane's origin and one unit along each axis land on screen: the view is straight
    // down, so the mapping from world to pixels is affine and these three points fix it.
    const origin = probe.set(0, 0, 0).project(camera);
    const ox = ((origin.x + 1) / 2) * w;
    const oy = ((1 - origin.y) / 2) * h;
    const key = [w, h, zoom, ox, oy, names.x, names.y].join(',');
    if (key === root.key) return;
    root.key = key;
    const toPx = (wx: number) => ox + wx * zoom;
    const toPy = (wz: number) => oy + wz * zoom;
    const rem = rootRem();
    // The part of the domain on screen, in the plane's own units.
    const [xa, ya] = mapping.fromWorld(-ox / zoom, (h - oy) / zoom);
    const [xb, yb] = mapping.fromWorld((w - ox) / zoom, -oy / zoom);
    const x0 = Math.max(domain.x[0], Math.min(xa, xb));
    const x1 = Math.min(domain.x[1], Math.max(xa, xb));
    const y0 = Math.max(domain.y[0], Math.min(ya, yb));
    const y1 = Math.min(domain.y[1], Math.max(ya, yb));
    const pxPerUnit = zoom * mapping.scale;
    // The axes hug the map's edges, and stay on screen when the map is panned past them.
    const bottom = Math.min(h - AXIS_ROOM_BOTTOM_REM * rem, Math.max(0, toPy(mapping.toWorldZ(domain.y[0]))));
    const left = Math.max(AXIS_ROOM_LEFT_REM * rem, Math.min(w, toPx(mapping.toWorldX(domain.x[0]))));
    const xs: Placed[] = ticksBetween(x0, x1, tickStep(pxPerUnit, MIN_GAP_X)).map((v) => ({ text: formatPlotTick(v), at: toPx(mapping.toWorldX(v)) }));
    const ys: Placed[] = ticksBetween(y0, y1, tickStep(pxPerUnit, MIN_GAP_Y)).map((v) => ({ text: formatPlotTick(v), at: toPy(mapping.toWorldZ(v)) }));
    root.x.style.top = `${bottom}px`;
    root.y.style.left = `${left}px`;
    // The axes' names sit at their far ends (x at the right, y at the top): a number there would
    // be drawn under the name.
    const nameRoom = AXIS_NAME_ROOM_REM * rem;
    // x's name follows the map's right edge (a map narrower than the canvas would leave it far
    // off in the corner), y's stays at the top.
    const xNameAt = Math.min(w - nameRoom, Math.max(left, toPx(mapping.toWorldX(domain.x[1]))) + 0.4 * rem);
    fill(root.x, xs.filter((t) => t.at >= left - 1 && t.at <= xNameAt - 0.6 * rem), 'left', names.x, xNameAt);
    fill(root.y, ys.filter((t) => t.at <= bottom + 1 && t.at >= nameRoom), 'top', names.y);
  });

  return null;
}

/** Rewrites an axis's numbers, and its name at the far end. */
function fill(axis: HTMLElement, ticks: readonly Placed[], side: 'left' | 'top', name: string, nameAt?: number): void {
  const parts: HTMLElement[] = ticks.map(({ text, at }) => {
    const tick = document.createElement('span');
    tick.className = 'plot-tick';
    tick.textContent = text;
    tick.style[side] = `${at}px`;
    return tick;
  });
  const label = document.createElement('span');
  label.className = 'plot-axis-name';
  label.textContent = name;
  if (nameAt !== undefined) {
    label.style.left = `${nameAt}px`;
    label.style.right = 'auto';
  }
  axis.replaceChildren(...parts, label);
}
