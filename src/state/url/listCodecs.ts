// Comma-separated lists of names: the hyperparameter sliders an embed shows (controls=lr,rho) and
// the arrows drawn at the particles (vectors=gradient,step). An unknown name costs only itself.
import { HYPERPARAM_KEYS, type HyperparamKey } from '../../engine';
import { hyperparamKey, isHyperparamKey } from './hyperparamNames';
import type { Link } from './linkScene';
import { ok, type Codec, type Place } from './urlRow';

/** Hyperparameter keys, each once, in the link's order. */
export const hyperparamList: Codec<readonly HyperparamKey[]> = {
  maxLength: 400,
  parse(text, ctx) {
    const keys: HyperparamKey[] = [];
    for (const raw of text.split(',')) {
      const item = raw.trim();
      if (item === '') continue;
      const key = hyperparamKey(item);
      if (!key) ctx.ignore(item, 'unknownHyperparameter', HYPERPARAM_KEYS.join(','));
      else if (!keys.includes(key)) keys.push(key);
    }
    return ok<readonly HyperparamKey[]>(keys);
  },
  format: (v) => v.join(','),
  equals: (a, b) => a.length === b.length && a.every((k, i) => k === b[i]),
};

/** The embed's sliders: the store keeps any string there, a link only the keys it can name. */
export const controlsPlace: Place<readonly HyperparamKey[], 'embed'> = {
  keys: ['embed'],
  get: (link) => link.embed.controls.filter(isHyperparamKey),
  set(link: Pick<Link, 'embed'>, controls) {
    link.embed = { ...link.embed, controls: [...controls] };
  },
};

/** Which of these names are on: the listed ones, written in this order. */
export function nameSet<N extends string>(names: readonly N[]): Codec<Readonly<Record<N, boolean>>> {
  return {
    maxLength: 200,
    parse(text, ctx) {
      const on = Object.fromEntries(names.map((n) => [n, false])) as Record<N, boolean>;
      for (const raw of text.split(',')) {
        const item = raw.trim().toLowerCase();
        // Links are read case-insensitively (effLr, efflr), as every property name is.
        const name = names.find((n) => n.toLowerCase() === item);
        if (name !== undefined) on[name] = true;
        else if (item !== '') ctx.ignore(item, 'notChoice', names.join(' | '));
      }
      return ok<Readonly<Record<N, boolean>>>(on);
    },
    format: (v) => names.filter((n) => v[n]).join(','),
    equals: (a, b) => names.every((n) => a[n] === b[n]),
  };
}
