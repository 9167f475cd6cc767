import type { SessionSide } from '../../store/db/session-side';
import { legText } from '../strings';

const SIDES: readonly SessionSide[] = ['involved', 'uninvolved'];

/** "Which leg?": injured leg or other leg, as two radio buttons (big targets, keyboard-friendly). */
export function LegChoice({ name, value, onChoose }: { name: string; value: SessionSide | null; onChoose: (side: SessionSide) => void }) {
  return (
    <fieldset class="segmented leg-choice">
      <legend class="field-label">{legText.question}</legend>
      {SIDES.map((side) => (
        <label key={side} class={value === side ? 'is-selected' : ''}>
          <input type="radio" name={name} value={side} checked={value === side} onChange={() => onChoose(side)} />
          {legText[side]}
        </label>
      ))}
    </fieldset>
  );
}
