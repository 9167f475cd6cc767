import { signalCheckText as text } from '../strings';
import type { CheckStatus, SignalAdvice as Advice } from './signal-advice';

// Shape as well as colour for each status, as on the Connect screen's quality badge.
const marks: Record<CheckStatus, string> = { good: '●', ok: '▲', adjust: '■', 'no-data': '○' };

/** The signal check's result: verdict (announced when it changes), each check against its limits, and what to try. */
export function SignalAdvice({ advice }: { advice: Advice }) {
  return (
    <section class={`signal-advice signal-advice--${advice.verdict}`}>
      <p class="signal-verdict" role="status">
        {text.verdicts[advice.verdict]}
      </p>
      <ul class="signal-checks">
        {advice.checks.map((check) => (
          <li key={check.name} class={`signal-check signal-check--${check.status}`}>
            <span class="signal-check-label">{text.checkLabel(check.name)}</span>
            <span class="signal-check-result">
              <span class="signal-check-mark" aria-hidden="true">
                {marks[check.status]}
              </span>{' '}
              {check.status === 'no-data' ? text.statusWord(check.status) : `${text.value(check.value, check.unit)} — ${text.statusWord(check.status)}`}
            </span>
            <span class="signal-check-limits">{text.limits(check.goodMax, check.okMax, check.unit)}</span>
          </li>
        ))}
      </ul>
      {advice.actions.length > 0 && (
        <>
          <h3 class="signal-actions-heading">{text.actionsHeading}</h3>
          <ol class="signal-actions">
            {advice.actions.map((action) => (
              <li key={action}>{text.actions[action]}</li>
            ))}
          </ol>
        </>
      )}
      <p class="signal-guidance">{text.guidance}</p>
    </section>
  );
}
