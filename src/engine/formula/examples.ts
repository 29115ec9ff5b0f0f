import type { Domain } from '../types';

/** Formulas one click away in the panel: each shows something the built-in list does not. */
export interface FormulaExample {
  readonly id: string;
  readonly name: string;
  readonly expr: string;
  readonly domain: Domain;
}

export const FORMULA_EXAMPLES: readonly FormulaExample[] = [
  { id: 'himmelblau', name: 'Himmelblau', expr: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2', domain: { x: [-5, 5], y: [-5, 5] } },
  { id: 'beale', name: 'Beale', expr: '(1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2', domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] } },
  { id: 'bumpy', name: 'Bumpy bowl', expr: '0.1 (x^2 + y^2) + sin(2x) cos(2y)', domain: { x: [-4, 4], y: [-4, 4] } },
  { id: 'ridge-saddle', name: 'Saddle with a ridge', expr: 'x^2 - y^2 + 2 exp(-(x^2 + (y - 1)^2) / 0.3)', domain: { x: [-2, 2], y: [-2, 2] } },
  { id: 'wave', name: 'Egg crate', expr: 'sin(x) * cos(y)', domain: { x: [-4, 4], y: [-4, 4] } },
  { id: 'log-barrier', name: 'Log barrier', expr: 'x^2 + y^2 - log(1 - x^2 - y^2)', domain: { x: [-1.2, 1.2], y: [-1.2, 1.2] } },
];
