import type { SchedulePlan } from '../../exercise/schedule';
import { homeText } from '../strings';

/** This week's training days against the target, as words and as a row of marks. */
export function WeekCard({ plan }: { plan: SchedulePlan }) {
  const { weekDaysDone, weekDaysTarget } = plan;
  const marks = Array.from({ length: weekDaysTarget }, (_, i) => i < weekDaysDone);
  return (
    <section class="home-card" aria-labelledby="home-week-heading">
      <h2 id="home-week-heading" class="home-heading">
        {homeText.weekHeading}
      </h2>
      <p class="home-week-count">{homeText.weekProgress(weekDaysDone, weekDaysTarget)}</p>
      <ol class="home-week-marks" aria-hidden="true">
        {marks.map((done, i) => (
          <li key={i} class={done ? 'home-mark home-mark--done' : 'home-mark'} />
        ))}
      </ol>
      {weekDaysDone >= weekDaysTarget && <p class="home-note">{homeText.weekGoalReached}</p>}
      <p class="hint">{homeText.onlyRealCount}</p>
    </section>
  );
}
