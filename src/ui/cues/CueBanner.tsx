import type { ReadonlySignal } from '@preact/signals';
import type { CueVisual } from '../../state/cue-types';
import { CueGlyph } from './CueGlyph';

/**
 * The big cue: colour, shape and word together, so each phase reads without colour vision and
 * at arm's length. Not a live region itself — <LiveAnnouncer/> speaks the changes once.
 */
export function CueBanner({ visual }: { visual: ReadonlySignal<CueVisual | null> }) {
  const cue = visual.value;
  if (cue === null) return null;
  return (
    <div class={`cue-banner cue-banner--${cue.tone}`}>
      <CueGlyph shape={cue.shape} />
      <span class="cue-words">{cue.words}</span>
    </div>
  );
}
