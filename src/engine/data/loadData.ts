// The data sets arrive as a chunk of their own (the page's first download stays without them):
// once loaded, their surfaces join getSurface's lookup, in the page and in a map's worker alike.
import { registerSurfaces } from '../surfaces';
import type { DataSurface } from './dataSurfaces';

let loading: Promise<readonly DataSurface[]> | null = null;

export function loadDataSurfaces(): Promise<readonly DataSurface[]> {
  loading ??= import('./dataSurfaces').then((m) => {
    registerSurfaces(m.DATA_SURFACES);
    return m.DATA_SURFACES;
  });
  return loading;
}
