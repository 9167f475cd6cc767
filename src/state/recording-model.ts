// Recording the session to this device: start and stop for every streaming sensor (the worker
// writes the chunks), what has been saved, why a recording stopped, and interrupted sessions from
// an earlier visit offered for recovery.
import { signal } from '@preact/signals';
import { installFlushOnHide } from '../store/db/flush-on-hide';
import { appDb as db } from './app-db';
import { discardSession, listInterruptedSessions, recoverSession, saveSessionSummary, type SessionWithExtent } from '../store/db/sessions';
import type { SessionSummary } from '../exercise/summary';
import { requestPersistence } from '../store/db/storage-status';
import type { RecordingStopReason } from '../store/db/recorder';
import { sensorsModel } from './sensors-model';
import { deviceStorage, readActivePatientId } from './active-patient-id';

export interface ActiveRecording {
  sessionId: string;
  sensorIds: string[];
  /** Seconds of sample time saved so far (the slowest sensor). */
  savedS: number;
}

export const activeRecording = signal<ActiveRecording | null>(null);
/** Why the last recording ended, for a message; null while none ended or after it was read. */
export const lastStop = signal<RecordingStopReason | null>(null);
export const interrupted = signal<readonly SessionWithExtent[]>([]);


let listening = false;
const savedByStream = new Map<string, number>();
const firstIndexByStream = new Map<string, number>();

function listen(): void {
  if (listening) return;
  listening = true;
  const bridge = sensorsModel.bridge();
  // The open chunk is written when the page is hidden or left: a killed tab loses at most ~1 s.
  installFlushOnHide(bridge);
  bridge.listen((message) => {
    const active = activeRecording.peek();
    if (!active || !('sessionId' in message) || message.sessionId !== active.sessionId) return;
    if (message.type === 'recording-started') {
      firstIndexByStream.set(message.sensorId, message.firstIndex);
    } else if (message.type === 'recording-saved') {
      const rate = sensorsModel.sensors.peek().find((s) => s.id === message.sensorId)?.channels.peek()[0]?.nominalRateHz ?? 1;
      savedByStream.set(message.sensorId, (message.endIndex - (firstIndexByStream.get(message.sensorId) ?? 0)) / rate);
      activeRecording.value = { ...active, savedS: Math.min(...[...savedByStream.values()]) };
    } else if (message.type === 'recording-stopped') {
      // One sensor's recording ended. If it was not the user's doing (storage full, sensor
      // removed), the others stop too: a session is recorded whole or it says why it is not.
      const remaining = active.sensorIds.filter((id) => id !== message.sensorId);
      if (message.reason !== 'user') {
        lastStop.value = message.reason;
        for (const sensorId of remaining) bridge.post({ type: 'stop-recording', sensorId });
      }
      if (remaining.length > 0) {
        activeRecording.value = { ...active, sensorIds: remaining };
      } else {
        activeRecording.value = null;
        lastStop.value ??= 'user';
      }
    }
  });
}

/** Starts recording every streaming sensor into one new session. */
export function startRecording(options: { exerciseId?: string | null; side?: 'involved' | 'uninvolved' | null; patientId?: string | null } = {}): string | null {
  const sensors = sensorsModel.sensors.peek().filter((s) => s.link.state.peek() === 'streaming' && s.rings !== null);
  if (sensors.length === 0 || activeRecording.peek()) return null;
  listen();
  void requestPersistence();
  const sessionId = crypto.randomUUID();
  const session = {
    id: sessionId,
    // The patient this device is set up for, unless the caller says otherwise.
    patientId: options.patientId === undefined ? readActivePatientId(deviceStorage()) : options.patientId,
    side: options.side ?? null,
    simulated: sensors.some((s) => s.simulated),
    exerciseId: options.exerciseId ?? null,
    startedAt: new Date().toISOString(),
  };
  savedByStream.clear();
  firstIndexByStream.clear();
  lastStop.value = null;
  activeRecording.value = { sessionId, sensorIds: sensors.map((s) => s.id), savedS: 0 };
  for (const sensor of sensors) sensorsModel.bridge().post({ type: 'start-recording', sensorId: sensor.id, session });
  return sessionId;
}

export function stopRecording(): void {
  const active = activeRecording.peek();
  if (!active) return;
  for (const sensorId of active.sensorIds) sensorsModel.bridge().post({ type: 'stop-recording', sensorId });
}

/** At start-up: sessions left 'recording' by a page that is gone are offered for recovery. */
export async function findInterrupted(): Promise<void> {
  try {
    interrupted.value = await listInterruptedSessions(await db());
  } catch {
    interrupted.value = []; // storage unavailable (private mode, blocked): nothing to offer
  }
}

export async function keepInterrupted(sessionId: string): Promise<void> {
  await recoverSession(await db(), sessionId);
  interrupted.value = interrupted.peek().filter((s) => s.session.id !== sessionId);
}

export async function deleteInterrupted(sessionId: string): Promise<void> {
  await discardSession(await db(), sessionId);
  interrupted.value = interrupted.peek().filter((s) => s.session.id !== sessionId);
}

/** Keeps a guided exercise's summary with its recording, for History and trends. */
export async function attachSummary(sessionId: string, summary: SessionSummary): Promise<void> {
  try {
    await saveSessionSummary(await db(), sessionId, summary);
  } catch {
    // Storage unavailable: the summary was shown; the recording (if any) keeps its samples.
  }
}
