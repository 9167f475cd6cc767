import type { LastSession } from '../../state/home-model';
import { exerciseName } from '../history/exercise-name';
import { homeText } from '../strings';

/** "Today", "yesterday", or the date in the reader's own language. */
function whenText(last: LastSession): string {
  if (last.daysAgo === 0) return homeText.today;
  if (last.daysAgo === 1) return homeText.yesterday;
  return new Date(last.startedAt).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** The last session's result in one line. */
export function LastSessionCard({ last }: { last: LastSession | null }) {
  return (
    <section class="home-card" aria-labelledby="home-last-heading">
      <h2 id="home-last-heading" class="home-heading">
        {homeText.lastHeading}
      </h2>
      {last ? (
        <p class="home-last">
          {homeText.lastLine(last.exerciseId ? exerciseName(last.exerciseId) : homeText.freeRecording, whenText(last))}
          {last.holdsDone !== null && last.holdsTotal !== null && (
            <>
              {homeText.lastSeparator}
              <strong class="home-last-result">{homeText.lastHolds(last.holdsDone, last.holdsTotal)}</strong>
            </>
          )}
        </p>
      ) : (
        <p class="home-note">{homeText.lastNone}</p>
      )}
    </section>
  );
}
