// Hyperparameter keys as links spell them: read case-insensitively (LR, beta2), and the values
// each accepts in notation that needs no translation.
import { HYPERPARAMS, HYPERPARAM_KEYS, type HyperparamKey } from '../../engine';

const KEY_BY_LOWER = new Map<string, HyperparamKey>(HYPERPARAM_KEYS.map((k) => [k.toLowerCase(), k]));
const INFO = new Map(HYPERPARAMS.map((h) => [h.key, h]));

/** The key a link's "lr", "LR" or "weightdecay" names, or undefined. */
export function hyperparamKey(text: string): HyperparamKey | undefined {
  return KEY_BY_LOWER.get(text.toLowerCase());
}

export function isHyperparamKey(key: string): key is HyperparamKey {
  return (HYPERPARAM_KEYS as readonly string[]).includes(key);
}

/** A value's name where the hyperparameter names its values (lineSearch=strong-wolfe), else undefined. */
export function hyperparamChoice(key: HyperparamKey, value: number): string | undefined {
  return INFO.get(key)?.choices?.[value];
}

/** The value a name stands for (case-insensitive), or undefined when it names none. */
export function hyperparamChoiceValue(key: HyperparamKey, text: string): number | undefined {
  const i = INFO.get(key)?.choices?.indexOf(text.toLowerCase()) ?? -1;
  return i >= 0 ? i : undefined;
}

/** Whether the engine accepts this value for this hyperparameter. */
export function validHyperparam(key: HyperparamKey, value: number): boolean {
  const info = INFO.get(key);
  return !info || info.valid(value);
}

/** "a number in [0, 1)" → "[0, 1)": the engine's wording without its English words. */
export function hyperparamAccepts(key: HyperparamKey): string | undefined {
  const words = INFO.get(key)?.accepts ?? '';
  const math = words.replace(/^a (?:finite )?number (?:in )?/, '');
  return /[a-z]{2,}/i.test(math) ? undefined : math;
}
