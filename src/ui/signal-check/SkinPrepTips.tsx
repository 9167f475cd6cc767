import { signalCheckText as text } from '../strings';

/** Skin preparation before placing electrodes (SENIAM: shave, clean with alcohol, let dry). */
export function SkinPrepTips() {
  return (
    <section class="skin-prep">
      <h3 class="skin-prep-heading">{text.skinPrepHeading}</h3>
      <ol class="skin-prep-list">
        {text.skinPrepTips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ol>
    </section>
  );
}
