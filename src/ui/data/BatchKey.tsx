import { dataText } from '../../i18n/dataText';
import { useLang } from '../shell/useT';
import './BatchKey.css';

// The scene key's entries for a scene in mini-batches (loaded with the data, lazily): the rings
// that mark each epoch on the paths, and, while the gradient arrows are on, the crosses and the
// ellipse of the other batches' gradients at each particle (scene/batchSpread.ts).

/** Drawn as the scene draws them, so that the key needs no colour words. */
function EpochMark() {
  return (
    <svg className="scene-mark scene-mark-epoch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M1 11 15 5" className="scene-mark-epoch-path" />
      <circle cx="8" cy="8" r="4" />
    </svg>
  );
}

function SpreadMark() {
  return (
    <svg className="scene-mark scene-mark-spread" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <ellipse cx="8" cy="8" rx="7" ry="4.5" transform="rotate(-25 8 8)" />
      <path d="M4 7h3M5.5 5.5v3M9 9h3M10.5 7.5v3M8.5 4h2.4M9.7 2.8v2.4" />
    </svg>
  );
}

/** The key's list items; rendered inside SceneKey's list, only for a scene in mini-batches. */
export function BatchKey({ arrows }: { readonly arrows: boolean }) {
  const lang = useLang();
  return (
    <>
      <li title={dataText(lang, 'data.key.epochHint')}>
        <EpochMark />
        {dataText(lang, 'data.key.epoch')}
        <span className="visually-hidden">: {dataText(lang, 'data.key.epochHint')}</span>
      </li>
      {arrows && (
        <li title={dataText(lang, 'data.key.spreadHint')}>
          <SpreadMark />
          <span className="scene-key-wide">{dataText(lang, 'data.key.spread')}</span>
          <span className="scene-key-narrow">{dataText(lang, 'data.key.spreadShort')}</span>
          <span className="visually-hidden">: {dataText(lang, 'data.key.spreadHint')}</span>
        </li>
      )}
    </>
  );
}
