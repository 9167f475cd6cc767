import { useSignal } from '@preact/signals';
import type { SessionModel } from '../../state/session-model';
import { exercisesText } from '../strings';

const scale = Array.from({ length: 11 }, (_, i) => i);

/** Pain and effort, 0–10, as radio groups: big targets, keyboard-friendly, no free typing. */
export function RatingForm({ model }: { model: SessionModel }) {
  const pain = useSignal<number | null>(null);
  const effort = useSignal<number | null>(null);
  const group = (name: string, legend: string, value: typeof pain) => (
    <fieldset class="rating">
      <legend>{legend}</legend>
      <div class="rating-options">
        {scale.map((n) => (
          <label key={n} class={value.value === n ? 'is-selected' : ''}>
            <input type="radio" name={name} value={n} checked={value.value === n} onChange={() => (value.value = n)} />
            {n}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <form
      class="panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (pain.value !== null && effort.value !== null) model.rate(pain.value, effort.value);
      }}
    >
      <h2 class="section-heading">{exercisesText.ratingHeading}</h2>
      {group('pain', exercisesText.pain, pain)}
      {group('effort', exercisesText.effort, effort)}
      <button type="submit" class="button button--primary button--large" disabled={pain.value === null || effort.value === null}>
        {exercisesText.saveRating}
      </button>
    </form>
  );
}
