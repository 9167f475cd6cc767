import { afterEach, describe, expect, it } from 'vitest';
import { assignmentStorage } from './assignment-storage';
import { channelAssignments, loadAssignment, readAssignments, saveAssignment, type ChannelAssignment } from './channel-assignment';

afterEach(() => {
  channelAssignments.value = {};
});

const fallback: ChannelAssignment[] = [
  { muscle: null, side: 'right' },
  { muscle: null, side: 'right' },
];

describe('channel assignments in the settings store', () => {
  it('are read and written per sensor through the Storage view the sensor code uses', () => {
    saveAssignment(assignmentStorage, 'ganglion.A', [
      { muscle: 'vmo', side: 'left' },
      { muscle: 'vl', side: 'left' },
    ]);
    expect(channelAssignments.value).toEqual({ 'ganglion.A': [{ muscle: 'vmo', side: 'left' }, { muscle: 'vl', side: 'left' }] });
    expect(loadAssignment(assignmentStorage, 'ganglion.A', fallback).map((a) => a.muscle)).toEqual(['vmo', 'vl']);
    expect(loadAssignment(assignmentStorage, 'ganglion.B', fallback)).toBe(fallback);
    expect([assignmentStorage.length, assignmentStorage.key(0)]).toEqual([1, 'ganglion.A']);
    assignmentStorage.removeItem('ganglion.A');
    expect(assignmentStorage.getItem('ganglion.A')).toBeNull();
  });

  it('drop a damaged sensor entry on load and keep the others', () => {
    expect(readAssignments({ good: [{ muscle: 'vl', side: 'right' }], bad: [{ muscle: 'knee', side: 'up' }], worse: 'x' })).toEqual({ good: [{ muscle: 'vl', side: 'right' }] });
    expect(readAssignments([1, 2])).toBeNull();
    expect(readAssignments(null)).toBeNull();
  });
});
