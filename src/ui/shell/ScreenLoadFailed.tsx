import { screenLoad } from '../strings';

/** Stands in for a screen whose code could not be fetched, so the page is never left blank. */
export function ScreenLoadFailed({ onRetry }: { onRetry: () => void }) {
  return (
    <div class="notice" role="alert" aria-labelledby="screen-load-failed">
      <h2 id="screen-load-failed" class="notice-title">
        {screenLoad.failedHeading}
      </h2>
      <p>{screenLoad.failedBody}</p>
      <div class="action-row">
        <button type="button" class="button button--primary" onClick={onRetry}>
          {screenLoad.retry}
        </button>
      </div>
    </div>
  );
}
