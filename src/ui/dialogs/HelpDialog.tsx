import { useEffect, useRef } from 'react';
import { useScene } from '../../state/useScene';
import { useHelpText, type HelpKey } from '../../i18n/helpText';
import { useLang, useT } from '../shell/useT';
import './HelpDialog.css';

/** A key as the list shows it: a glyph as it is, or a key's name in words (Space's is the Play button's too). */
type KeyName = '→' | '←' | '+' | '−' | 'R' | 'F' | 'H' | 'P' | 'S' | '?' | 'Esc' | 'help.keySpace' | HelpKey;

const SHORTCUTS: readonly { readonly keys: readonly KeyName[]; readonly action: HelpKey }[] = [
  { keys: ['help.keySpace'], action: 'help.playPause' },
  { keys: ['→'], action: 'help.stepForward' },
  { keys: ['←'], action: 'help.stepBack' },
  { keys: ['R', 'help.keyHome'], action: 'help.rewind' },
  { keys: ['help.keyEnd'], action: 'help.end' },
  { keys: ['help.keyPageDown'], action: 'help.nextLesson' },
  { keys: ['help.keyPageUp'], action: 'help.previousLesson' },
  { keys: ['help.keyShiftArrows'], action: 'help.turn' },
  { keys: ['+', '−'], action: 'help.zoom' },
  { keys: ['F'], action: 'help.fullscreen' },
  { keys: ['H'], action: 'help.listen' },
  { keys: ['P'], action: 'help.presentation' },
  { keys: ['S'], action: 'help.panel' },
  { keys: ['?'], action: 'help.toggleHelp' },
  { keys: ['Esc'], action: 'help.closeHelp' },
];

/**
 * The keyboard shortcuts, in a native modal <dialog>: showModal() gives the focus trap, the
 * inert page behind, Esc and focus return for free. Open while the store says helpOpen.
 */
export function HelpDialog() {
  const t = useT();
  const ht = useHelpText(useLang());
  const open = useScene((s) => s.helpOpen);
  const setHelpOpen = useScene((s) => s.setHelpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      closeRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  const label = (key: KeyName) => (key === 'help.keySpace' ? t(key) : key.startsWith('help.') ? ht(key as HelpKey) : key);

  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      aria-modal="true"
      // The dialog closes itself on Esc; this keeps the store in step whichever way it closed.
      onClose={() => {
        if (open) setHelpOpen(false);
      }}
      onClick={(e) => {
        // A click on the dialog element itself (not its content) is a click on the backdrop.
        if (e.target === e.currentTarget) setHelpOpen(false);
      }}
    >
      <div className="help-body">
        <div className="help-head">
          <h2 id="help-title">{ht('help.title')}</h2>
          <button ref={closeRef} type="button" className="button ghost help-close" onClick={() => setHelpOpen(false)} aria-label={ht('help.close')}>
            ✕
          </button>
        </div>
        <table className="help-table">
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{ht('help.key')}</th>
              <th scope="col">{ht('help.action')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(({ keys, action }) => (
              <tr key={action}>
                <td className="help-keys">
                  {keys.map((k) => (
                    <kbd key={k}>{label(k)}</kbd>
                  ))}
                </td>
                <td>{ht(action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-tip">{ht('help.chartTip')}</p>
      </div>
    </dialog>
  );
}
