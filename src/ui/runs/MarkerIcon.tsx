import { markerOutline, type MarkerShape } from '../../state/markers';

/**
 * A run's marker shape as its particle is drawn, in the current colour (set `color` on it or a
 * parent). Decoration only: the run's name is the text beside it.
 */
export function MarkerIcon({ shape, className }: { readonly shape: MarkerShape; readonly className: string }) {
  return (
    <svg className={className} data-marker={shape} viewBox="-1.75 -1.75 3.5 3.5" aria-hidden="true" focusable="false">
      {/* The outline's y is up, SVG's down. */}
      <polygon points={markerOutline(shape).join(' ')} transform="scale(1 -1)" />
    </svg>
  );
}
