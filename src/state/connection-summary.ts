import { computed } from '@preact/signals';
import { sensorsModel } from './sensors-model';

export type ConnectionSummary =
  | { kind: 'none' }
  | { kind: 'streaming'; count: number }
  | { kind: 'reconnecting' }
  | { kind: 'connecting' }
  | { kind: 'lost' };

/** One line for the header: the most urgent state across this session's sensors. */
export const connectionSummary = computed<ConnectionSummary>(() => {
  const states = sensorsModel.sensors.value.map((s) => s.link.state.value);
  if (states.includes('reconnecting')) return { kind: 'reconnecting' };
  if (states.includes('failed')) return { kind: 'lost' };
  if (states.includes('connecting') || states.includes('choosing')) return { kind: 'connecting' };
  const streaming = states.filter((s) => s === 'streaming').length;
  return streaming > 0 ? { kind: 'streaming', count: streaming } : { kind: 'none' };
});
