import { describe, expect, it } from 'vitest';
import { defaultAssignment, loadAssignment, saveAssignment } from './channel-assignment';
import type { ChannelSpec } from '../profiles/types';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const emg = (label: string): ChannelSpec => ({ label, kind: 'emg', unit: 'uV', nominalRateHz: 1000 });

describe('channel assignment', () => {
  it('takes Quadcue labels as muscles and leaves Ganglion channels unnamed', () => {
    expect(defaultAssignment('quadcue', [emg('VMO'), emg('VL'), emg('ch3')]).map((a) => a.muscle)).toEqual(['vmo', 'vl', null]);
    expect(defaultAssignment('openbci-ganglion', [emg('1'), emg('2')]).map((a) => a.muscle)).toEqual([null, null]);
    expect(defaultAssignment('tindeq-progressor', [{ label: 'Force', kind: 'force', unit: 'N', nominalRateHz: 80 }])[0]?.muscle).toBe('other');
  });

  it('remembers each sensor’s choice and ignores a damaged or mismatched entry', () => {
    const storage = new MemoryStorage();
    const defaults = defaultAssignment('openbci-ganglion', [emg('1'), emg('2')]);
    saveAssignment(storage, 'ganglion.A', [
      { muscle: 'vmo', side: 'left' },
      { muscle: 'vl', side: 'left' },
    ]);
    expect(loadAssignment(storage, 'ganglion.A', defaults)).toEqual([
      { muscle: 'vmo', side: 'left' },
      { muscle: 'vl', side: 'left' },
    ]);
    expect(loadAssignment(storage, 'ganglion.B', defaults)).toBe(defaults);
    storage.setItem('ganglion.C', '{oops');
    expect(loadAssignment(storage, 'ganglion.C', defaults)).toBe(defaults);
    storage.setItem('ganglion.D', JSON.stringify([{ muscle: 'biceps', side: 'left' }, { muscle: null, side: 'up' }]));
    expect(loadAssignment(storage, 'ganglion.D', defaults)).toBe(defaults);
    // One channel fewer than the sensor has now: a stale entry, ignored.
    storage.setItem('ganglion.E', JSON.stringify([{ muscle: 'vmo', side: 'left' }]));
    expect(loadAssignment(storage, 'ganglion.E', defaults)).toBe(defaults);
  });
});
