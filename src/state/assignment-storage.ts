// sensor-entry.ts reads and writes a sensor's channel assignment through a Storage (the shape it
// had when assignments lived in localStorage). This Storage is a view of the one settings-store
// value that now holds them (channelAssignments), so the sensor code needs no change and the
// assignments travel with backups.
import { channelAssignments } from './channel-assignment';

class AssignmentStorage implements Storage {
  [name: string]: unknown;
  get length(): number {
    return Object.keys(channelAssignments.peek()).length;
  }
  key(index: number): string | null {
    return Object.keys(channelAssignments.peek())[index] ?? null;
  }
  getItem(sensorKey: string): string | null {
    const assignment = channelAssignments.peek()[sensorKey];
    return assignment === undefined ? null : JSON.stringify(assignment);
  }
  setItem(sensorKey: string, text: string): void {
    channelAssignments.value = { ...channelAssignments.peek(), [sensorKey]: JSON.parse(text) as unknown[] } as typeof channelAssignments.value;
  }
  removeItem(sensorKey: string): void {
    const { [sensorKey]: _removed, ...rest } = channelAssignments.peek();
    channelAssignments.value = rest;
  }
  clear(): void {
    channelAssignments.value = {};
  }
}

export const assignmentStorage: Storage = new AssignmentStorage();
