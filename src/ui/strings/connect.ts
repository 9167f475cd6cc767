export const connect = {
  intro:
    'Connect a wearable muscle sensor or a force gauge over Bluetooth, or try Quadcue with the built-in demo sensor. ' +
    'You can use two sensors at once, for example one on each leg.',
  connectSensor: 'Connect a sensor',
  useDemo: 'Use the demo sensor',
  replay: 'Replay a recording',
  scenarioLabel: 'Demo exercise',
  scenarios: {
    mvc: 'Maximal effort test (3 × 5 s)',
    quadSets: 'Quad sets',
    straightLegRaise: 'Straight-leg raises',
    stepDown: 'Step-downs',
    isometricKneeExtension: 'Knee extension on a dynamometer',
  },
  replaySpeedLabel: 'Replay speed',
  replaySpeeds: { 'real-time': 'Real time', fast: 'As fast as possible' },
  bluetoothUnavailable: 'Bluetooth sensors need Chrome or Edge (see the note above).',
  atMostTwo: 'Two sensors are connected — the most Quadcue uses at once. Disconnect one to add another.',
  grantedHeading: 'Sensors used before',
  reconnectNamed: (name: string) => `Reconnect ${name}`,
  sensorsHeading: 'Your sensors',
  sessionTimeline: (ms: number | null) =>
    ms === null
      ? 'Both sensors share one session timeline; their alignment is being measured.'
      : `Both sensors share one session timeline, aligned to within ± ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms.`,
};

export const linkStates = {
  idle: 'Not connected',
  choosing: 'Choose your sensor in the browser’s list…',
  connecting: 'Connecting…',
  streaming: 'Connected',
  reconnecting: 'Reconnecting…',
  failed: 'Connection lost',
} as const;

export const sensorCard = {
  simulated: 'Simulated',
  simulatedNote: 'Data from the demo sensor is simulated, not measured.',
  replayed: 'Recording',
  profile: 'Type',
  battery: 'Battery',
  batteryValue: (percent: number) => `${percent} %`,
  batteryUnknown: 'Unknown',
  batteryVolts: (volts: number) => `${volts.toFixed(2)} V`,
  lowBattery: 'Battery low — charge the sensor soon.',
  firmware: 'Firmware',
  channels: 'Channels',
  muscleLabel: (channel: string) => `Muscle for ${channel}`,
  sideLabel: (channel: string) => `Side for ${channel}`,
  unassigned: 'Choose…',
  muscles: { vmo: 'VMO (inner quad)', vl: 'VL (outer quad)', 'rectus-femoris': 'Rectus femoris', hamstrings: 'Hamstrings', other: 'Other' },
  sides: { left: 'Left', right: 'Right' },
  reconnectAttempt: (attempt: number) => `Attempt ${attempt}`,
  cancel: 'Cancel',
  retry: 'Try again',
  reconnect: 'Reconnect',
  disconnect: 'Disconnect',
  remove: 'Remove',
  recordCapture: 'Record a capture',
  saveCapture: 'Save capture file',
  captureHint: 'A capture file records this sensor’s raw Bluetooth data, for support or to replay later.',
  details: 'Connection details',
  framesReceived: 'Packets received',
  samplesReceived: 'Samples received (per channel)',
  framesLost: 'Packets lost',
  framesRejected: 'Packets rejected as damaged',
  duplicatesDropped: 'Duplicate packets ignored',
  outages: 'Connection drops',
  alignment: 'Timing accuracy on the session timeline',
  alignmentValue: (ms: number | null) => (ms === null ? 'Measuring…' : `± ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`),
  outageLength: (seconds: number) => `${seconds.toFixed(1)} s without data`,
  rate: (perS: number, nominal: number) => `${Math.round(perS)} of ${Math.round(nominal)} samples/s`,
  packetsPerS: (perS: number) => `${perS.toFixed(0)} packets/s`,
  lossPercent: (percent: number) => `${percent.toFixed(1)} % lost`,
  lastPacket: (ageMs: number) => (ageMs < 1000 ? 'last packet just now' : `last packet ${(ageMs / 1000).toFixed(0)} s ago`),
};

export const quality = {
  good: 'Good signal',
  'some-loss': 'Some data lost',
  'heavy-loss': 'Much data lost',
  'no-data': 'No data',
} as const;

/** What went wrong with a sensor, in words a patient can act on (TransportErrorKind → sentence). */
export const linkErrors = {
  cancelled: 'No sensor was chosen. Press “Connect a sensor” to try again.',
  'not-found': 'The sensor could not be found. Check that it is switched on and close by.',
  unsupported: 'This device is not a sensor Quadcue can use.',
  'gatt-failed': 'The sensor stopped answering. Move closer, check that it is charged, and try again.',
  timeout: 'The sensor took too long to answer. Move closer and try again.',
  permission: 'Bluetooth is blocked for this site. Allow Bluetooth in the browser’s site settings, then try again.',
} as const;

export const sensorProblems = {
  'unknown-device': 'This device is not a sensor Quadcue can use.',
  'unusable-description': 'The sensor described itself in a way this version of Quadcue cannot read. Updating the app or the sensor may help.',
} as const;

/** Capture-file problems (CaptureErrorCode → sentence). */
export const captureErrors = {
  empty: 'That file is empty.',
  'not-a-capture': 'That file is not a Quadcue recording.',
  'unsupported-version': 'That recording was made by a newer version of Quadcue. Update the app to replay it.',
  'bad-header': 'That recording is damaged at its start and cannot be replayed.',
  'bad-json': 'That recording is damaged and cannot be replayed.',
  'bad-event': 'That recording is damaged and cannot be replayed.',
  'time-goes-backwards': 'That recording is damaged (its times are out of order) and cannot be replayed.',
  lineNote: (line: number) => (line > 0 ? ` (line ${line})` : ''),
} as const;
