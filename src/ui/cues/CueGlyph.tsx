import type { CueShape } from '../../state/cue-types';

/** Outline of each shape in a 24-unit box: ▲ squeeze, ● hold, ▼ relax, ★ well done. */
const paths: Record<CueShape, string> = {
  up: 'M12 3 L22 20 H2 Z',
  circle: 'M12 2 A10 10 0 1 0 12.001 2 Z',
  down: 'M2 4 H22 L12 21 Z',
  star: 'M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z',
};

/**
 * The cue's shape, drawn rather than typed: text glyphs like ▲ ★ render as emoji or in
 * different sizes from font to font. Decorative — the words beside it carry the meaning.
 */
export function CueGlyph({ shape }: { shape: CueShape }) {
  return (
    <svg class="cue-glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[shape]} fill="currentColor" />
    </svg>
  );
}
