import { useEffect } from 'preact/hooks';
import { homeModel, type HomeModel } from '../../state/home-model';
import { hashForScreen } from '../../state/route-model';
import { ScreenTitle } from '../common/ScreenTitle';
import { homeText, screens } from '../strings';
import { LastSessionCard } from './LastSessionCard';
import { TodayCard } from './TodayCard';
import { WeekCard } from './WeekCard';
import '../styles/home.css';

/** Patient mode's home (issue 7): what is due today, this week's progress, the last session. */
export function HomeScreen({ model = homeModel }: { model?: HomeModel }) {
  useEffect(() => {
    void model.refresh();
  }, [model]);
  const plan = model.plan.value;
  return (
    <div class="home">
      <ScreenTitle>{screens.home.title}</ScreenTitle>
      {model.unavailable.value && <p class="notice">{homeText.unavailable}</p>}
      {!model.loaded.value ? (
        <p class="muted">{homeText.loading}</p>
      ) : plan === null ? (
        <section class="home-card home-card--today" aria-labelledby="home-status">
          <h2 id="home-status" class="home-status">
            {homeText.noProgramHeading}
          </h2>
          <p class="home-note">{homeText.noProgramBody}</p>
        </section>
      ) : (
        <>
          <TodayCard plan={plan} />
          <WeekCard plan={plan} />
        </>
      )}
      {model.loaded.value && <LastSessionCard last={model.lastSession.value} />}
      <a class="button home-link" href={hashForScreen('history')}>
        {homeText.history}
      </a>
    </div>
  );
}
