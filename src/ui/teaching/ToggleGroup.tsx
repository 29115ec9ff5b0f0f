import type { ComponentType } from 'react';

/** One switch of a ToggleGroup: the scene's flag it flips, and the keys of its words. */
export interface ToggleKind<K extends string, T> {
  readonly kind: K;
  /** The full name, read by screen readers. */
  readonly name: T;
  /** The word on the button. */
  readonly short: T;
  readonly hint: T;
}

/** The patch that flips one flag (built by assignment: a computed key of a generic type widens to string). */
function flipped<K extends string>(on: Readonly<Record<K, boolean>>, kind: K): Partial<Record<K, boolean>> {
  const patch: Partial<Record<K, boolean>> = {};
  patch[kind] = !on[kind];
  return patch;
}

interface ToggleGroupProps<K extends string, T> {
  /** Classes beside `segmented`: the group's look. */
  readonly className: string;
  readonly label: string;
  readonly kinds: readonly ToggleKind<K, T>[];
  /** The group's words come from its own dictionary (the overlays' loads after the first frame). */
  readonly t: (key: T) => string;
  readonly on: Readonly<Record<K, boolean>>;
  /** The store's setter of these flags: a button flips its own. */
  readonly set: (patch: Partial<Record<K, boolean>>) => void;
  /** The data attribute naming each button's kind (data-vector, data-overlay), for styles and tests. */
  readonly data: 'vector' | 'overlay';
  /** How the scene draws the kind, so that the button doubles as its legend. */
  readonly Sample: ComponentType<{ readonly kind: K }>;
}

/**
 * A row of switches for what the scene draws (the arrows at each particle, the overlays): one
 * pressed-or-not button per kind, with a sample of its drawing and a short word.
 */
export function ToggleGroup<K extends string, T>({ className, label, kinds, t, on, set, data, Sample }: ToggleGroupProps<K, T>) {
  return (
    <div className={`segmented ${className}`} role="group" aria-label={label}>
      {kinds.map(({ kind, name, short, hint }) => (
        <button key={kind} type="button" aria-pressed={on[kind]} aria-label={t(name)} title={t(hint)} {...{ [`data-${data}`]: kind }} onClick={() => set(flipped(on, kind))}>
          <Sample kind={kind} />
          <span className="vector-toggle-label">{t(short)}</span>
        </button>
      ))}
    </div>
  );
}
