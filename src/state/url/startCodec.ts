// start=x,y: where every run starts. Only inside the plotted domain of the link's surface, as
// the panel's start fields and a click on the surface allow: a start far off the plot (10³⁰⁰)
// shows no particle and overflows at once, so the link's value is refused with the domain named.
import type { Domain, Vec2 } from '../../engine';
import { ok, refuse, type Codec } from './urlRow';
import { formatNumber, numberTuple } from './valueCodecs';

const point = numberTuple<Vec2>({ count: 2, form: 'x,y', maxLength: 200, toValue: (n) => ok<Vec2>([n[0], n[1]]), toNumbers: (v) => v });

const inside = ({ x, y }: Domain, p: Vec2) => p[0] >= x[0] && p[0] <= x[1] && p[1] >= y[0] && p[1] <= y[1];

/** The domain as a notice names it, in notation that needs no translation: "[-4, 4] × [-2, 2]". */
function domainText({ x, y }: Domain): string {
  return `[${formatNumber(x[0])}, ${formatNumber(x[1])}] × [${formatNumber(y[0])}, ${formatNumber(y[1])}]`;
}

export const startCodec: Codec<Vec2> = {
  ...point,
  parse(text, ctx) {
    const parsed = point.parse(text, ctx);
    if (!parsed.ok || inside(ctx.surface.domain, parsed.value)) return parsed;
    return refuse('outOfRange', domainText(ctx.surface.domain));
  },
};
