import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openQuadcueDb } from '../store/db/open-db';
import { createHistoryModel } from './history-model';
import { session } from './history-test-sessions';

let dbCount = 0;

/** A short two-column CSV recording, 1 s at 1 kHz: enough for the importer. */
function csvBytes(): Uint8Array {
  const lines = ['time_s,VMO[uV]'];
  for (let i = 0; i < 1000; i++) lines.push(`${(i / 1000).toFixed(3)},${(40 * Math.sin(i * 0.7)).toFixed(3)}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function setup(activePatientId: string | null) {
  const db = await openQuadcueDb({ name: `history-model-${dbCount++}` });
  await db.put('sessions', { ...session('mine', '2026-11-24T08:00:00.000Z', false), patientId: 'p1' });
  await db.put('sessions', { ...session('theirs', '2026-11-25T08:00:00.000Z', false), patientId: 'p2' });
  await db.put('sessions', session('nobody', '2026-11-25T09:00:00.000Z', false));
  const active = { id: activePatientId };
  const model = createHistoryModel(async () => db, () => ({ patientId: active.id }));
  return { db, model, active };
}

describe('History lists', () => {
  it('the active patient’s sessions only, and follows a change of patient at the next refresh', async () => {
    const { model, active } = await setup('p1');
    await model.refresh();
    expect(model.entries.value.map((e) => e.session.id)).toEqual(['mine']);
    active.id = 'p2';
    await model.refresh();
    expect(model.entries.value.map((e) => e.session.id)).toEqual(['theirs']);
  });

  it('with no patient active, the sessions recorded with none', async () => {
    const { model } = await setup(null);
    await model.refresh();
    expect(model.entries.value.map((e) => e.session.id)).toEqual(['nobody']);
  });

  it('the patient a filter names, even no patient, over the active one', async () => {
    const { model } = await setup('p1');
    await model.setFilter({ patientId: null });
    expect(model.entries.value.map((e) => e.session.id)).toEqual(['nobody']);
  });
});

describe('An imported recording', () => {
  it('belongs to the active patient, so it shows in their History', async () => {
    const { db, model } = await setup('p1');
    await model.refresh();
    const outcome = await model.importFile('walk.csv', csvBytes());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect((await db.get('sessions', outcome.sessionId))?.patientId).toBe('p1');
    expect(model.entries.value.map((e) => e.session.id)).toContain(outcome.sessionId);
  });
});
