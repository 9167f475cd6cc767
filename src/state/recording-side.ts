// "Which leg?" for recordings: the leg chosen on screen, else the one suggested from the patient's
// injured leg and the legs the channels are assigned to; and, when a recording ends, its channels'
// muscles and legs kept with it (for two-leg sessions in trends). Apart from recording-model.ts,
// so the start-up banner that offers interrupted recordings does not load it.
import { computed, effect, signal, untracked } from '@preact/signals';
import type { ChannelLeg } from '../store/db/schema';
import { saveSessionLegs, updateSessionSide, type SessionSide } from '../store/db/session-side';
import { affectedLeg } from './active-leg';
import { appDb as db } from './app-db';
import { suggestSide } from './leg-side';
import { activeRecording } from './recording-model';
import { sensorsModel } from './sensors-model';

/** The leg chosen on screen for this and later recordings; null until someone chooses. */
const chosenSide = signal<SessionSide | null>(null);

/** The assigned channels of the sensors a recording started now would hold (as startRecording picks them). */
function recordableLegs(): ChannelLeg[] {
  return sensorsModel.sensors.value
    .filter((s) => s.link.state.value === 'streaming' && s.rings !== null)
    .flatMap((sensor) => sensor.assignment.value.flatMap((a, channel) => (a.muscle === null ? [] : [{ sensorId: sensor.id, channel, muscle: a.muscle, side: a.side }])));
}

/** The side to pass to startRecording: the one chosen, else the suggestion (leg-side.ts). */
export const recordingSide = computed<SessionSide | null>(() => chosenSide.value ?? suggestSide(affectedLeg.value, recordableLegs().map((l) => l.side)));

/** The running recording: its id, side and channel legs, captured when it starts. */
let running: { sessionId: string; side: SessionSide | null; legs: ChannelLeg[] } | null = null;

/** Chooses the leg; a recording already running is re-tagged at once. */
export function chooseSide(side: SessionSide): void {
  chosenSide.value = side;
  if (!running) return;
  running.side = side;
  const { sessionId } = running;
  void db()
    .then((handle) => updateSessionSide(handle, sessionId, side))
    .catch(() => undefined); // storage unavailable: the side is written again when the recording ends
}

// Follows recordings from start to end. The first sight of a session id is its start (set by
// startRecording before any sample is written); null after it is its end, when every stream has
// stopped and the worker has written the record.
effect(() => {
  const active = activeRecording.value;
  untracked(() => {
    if (active && active.sessionId !== running?.sessionId) {
      running = { sessionId: active.sessionId, side: recordingSide.value, legs: recordableLegs() };
    } else if (!active && running) {
      const ended = running;
      running = null;
      void db()
        .then((handle) => saveSessionLegs(handle, ended.sessionId, ended.legs, ended.side))
        .catch(() => undefined); // storage unavailable: the recording keeps the side it started with
    }
  });
});
