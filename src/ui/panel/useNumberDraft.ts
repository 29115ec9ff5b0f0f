import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

export type DraftCheck = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

export interface NumberDraftOptions {
  /** The value in the store. */
  readonly value: number;
  readonly format: (v: number) => string;
  /** Parses and validates typed text; the error is already in the user's language. */
  readonly check: (text: string) => DraftCheck;
  readonly apply: (v: number) => void;
  /** The value one arrow-key press away, or null to leave the key to the browser. */
  readonly nudge?: (value: number, direction: 1 | -1) => number | null;
}

export interface NumberDraft {
  readonly inputProps: {
    readonly value: string;
    readonly onChange: (e: ChangeEvent<HTMLInputElement>) => void;
    readonly onBlur: () => void;
    readonly onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
    readonly 'aria-invalid': boolean;
    readonly 'aria-describedby': string | undefined;
  };
  /** The message to show under the field, or null. */
  readonly error: string | null;
  readonly errorId: string;
}

/**
 * A number field that keeps what the user types until it is applied: Enter or blur applies a
 * valid value, leaves an invalid one in place with a message, and Esc goes back to the store's
 * value. A change from elsewhere (a slider, a click on the surface) replaces the draft.
 * Keystrokes are not applied one by one: "1" on the way to "15" steps would shorten every path
 * and pull the playhead back with it.
 */
export function useNumberDraft({ value, format, check, apply, nudge }: NumberDraftOptions): NumberDraft {
  const [draft, setDraft] = useState<string | null>(null);
  const [showError, setShowError] = useState(false);
  const errorId = useId();
  // The last value this field put into the store, to tell its own updates from others'.
  const own = useRef(value);

  useEffect(() => {
    if (value === own.current) return;
    own.current = value;
    setDraft(null);
    setShowError(false);
  }, [value]);

  const applyOwn = (v: number) => {
    own.current = v;
    if (v !== value) apply(v);
  };

  const commit = () => {
    if (draft === null) return;
    const result = check(draft);
    if (!result.ok) {
      setShowError(true);
      return;
    }
    applyOwn(result.value);
    setDraft(null);
    setShowError(false);
  };

  const revert = () => {
    setDraft(null);
    setShowError(false);
  };

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    // A number input reports "" for text it cannot parse ("1e"); the check refuses that too.
    const text = e.currentTarget.value;
    setDraft(text);
    setShowError(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && draft !== null) {
      // Only swallow Esc when it had something to undo; otherwise it may close a dialog.
      e.preventDefault();
      e.stopPropagation();
      revert();
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && nudge) {
      const next = nudge(value, e.key === 'ArrowUp' ? 1 : -1);
      if (next === null) return;
      e.preventDefault();
      applyOwn(next);
      setDraft(null);
      setShowError(false);
    }
  };

  const error = showError && draft !== null ? check(draft) : null;
  const message = error && !error.ok ? error.error : null;
  return {
    inputProps: {
      value: draft ?? format(value),
      onChange,
      onBlur: commit,
      onKeyDown,
      'aria-invalid': message !== null,
      'aria-describedby': message !== null ? errorId : undefined,
    },
    error: message,
    errorId,
  };
}
