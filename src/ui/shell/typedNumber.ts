import { parseDecimal } from '../../engine';

/**
 * Typed text as a number, or null: a plain decimal as the URL and the CLI read it (the engine's
 * parseDecimal), and the typographic minus that copied lecture notes carry.
 */
export function parseNumber(text: string): number | null {
  return parseDecimal(text.replace(/\u2212/g, '-'));
}
