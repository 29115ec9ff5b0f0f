// The scene a link is written against: every row it leaves out has its value here. It is the
// store's default scene on the link's surface (each surface has its own start, length and step
// sizes) or, for a link to a lesson, that lesson's scene; so `?lesson=saddle-escape` alone opens
// the lesson, and the default scene is the bare address.
import { DEFAULT_SURFACE, defaultScene, type Lang, type SceneData } from '../store';
import { lessonDefaults } from './lessonLink';
import type { Link } from './linkScene';
import { defaultRuns } from './runItems';
import { DEFAULT_FORMULA_DOMAIN, defaultSurfaceId, surfaceDefaults } from './surfaceLink';

let storeDefault: SceneData | null = null;
/** The store's default scene, once: the single source of every default that is not the surface's. */
function storeDefaults(): SceneData {
  storeDefault ??= defaultScene(DEFAULT_SURFACE);
  return storeDefault;
}

/**
 * The base for a link with this lesson and surface. `lang` is the reader's browser's choice, so a
 * shared link opens in the reader's language unless its author had switched away from theirs.
 */
export function baseLink(link: Pick<Link, 'lessonId' | 'surfaceId' | 'expr' | 'domain'>, lang: Lang): Link {
  const surface = surfaceDefaults(link);
  return {
    ...storeDefaults(),
    start: surface.start,
    steps: surface.steps,
    runs: defaultRuns(surface),
    logLoss: surface.logLoss,
    lang,
    ...lessonDefaults(link.lessonId),
    surfaceId: defaultSurfaceId(link),
    lessonId: null,
    step: undefined,
    expr: null,
    domain: DEFAULT_FORMULA_DOMAIN,
  };
}
