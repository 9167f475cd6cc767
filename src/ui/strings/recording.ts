// Recording to this device: the Live screen's record control and the start-up banner for an
// interrupted recording. Its own file because the banner loads at start, without the Live screen.
export const recordingText = {
  start: 'Record this session',
  stop: 'Stop recording',
  recording: (seconds: number) => `Recording — ${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')} saved`,
  saved: 'Recording saved on this device.',
  stopped: {
    user: 'Recording saved on this device.',
    detached: 'The sensor was removed, so its recording ended. Everything up to then is saved.',
    'storage-full': 'This device is out of storage space, so recording stopped. Everything recorded until now is saved. Free some space or delete old sessions in History.',
    'write-error': 'Quadcue could not save to this device’s storage, so recording stopped. Everything saved until now is kept.',
    refused: 'This sensor is already being recorded in this session.',
  } as Record<string, string>,
  interruptedHeading: 'A recording was interrupted',
  interruptedBody: (when: string, seconds: number) =>
    `The session started ${when} stopped unexpectedly (the page was closed or crashed). ${Math.round(seconds)} s of it are saved and can be kept.`,
  recover: 'Keep it',
  discard: 'Delete it',
  recovered: 'The interrupted session was kept. You will find it in History.',
};
