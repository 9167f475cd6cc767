import type { SchedulePlan } from '../../exercise/schedule';
import { hashForScreen } from '../../state/route-model';
import { homeText } from '../strings';

function statusLine(plan: SchedulePlan): string {
  if (plan.status === 'due') return homeText.due(plan.sessionsDueToday);
  return plan.status === 'done-today' ? homeText.doneToday : homeText.rest;
}

/** Today in one sentence, and the big way in to the exercises. */
export function TodayCard({ plan }: { plan: SchedulePlan }) {
  return (
    <section class={`home-card home-card--today home-card--${plan.status}`} aria-labelledby="home-status">
      <h2 id="home-status" class="home-status">
        {statusLine(plan)}
      </h2>
      {plan.status === 'due' && plan.sessionsDoneToday > 0 && <p class="home-note">{homeText.doneSoFar(plan.sessionsDoneToday, plan.sessionsPerDay)}</p>}
      {plan.status === 'rest' && <p class="home-note">{homeText.restNote}</p>}
      <a class="button button--primary home-start" href={hashForScreen('exercises')}>
        {homeText.start}
      </a>
    </section>
  );
}
