// Every word the app shows or speaks lives here, so wording is reviewed in one place and the
// labels tests click are the labels users see. Plain language: patients read these at home.

export const appName = 'Quadcue';

export const screens = {
  connect: { nav: 'Connect', title: 'Connect a sensor' },
  live: { nav: 'Live', title: 'Live biofeedback' },
  exercises: { nav: 'Exercises', title: 'Exercises' },
  history: { nav: 'History', title: 'History' },
  settings: { nav: 'Settings', title: 'Settings' },
  about: { nav: 'About', title: 'About Quadcue' },
} as const;

export const shell = {
  mainNavLabel: 'Main',
  skipToContent: 'Skip to content',
  connectionStatusLabel: 'Sensor status',
  noSensor: 'No sensor connected',
};

export const offline = {
  ready: 'Ready to work offline',
  updateAvailable: 'Update available — reload',
  updateHint: 'A new version of Quadcue is ready.',
  dismiss: 'Dismiss',
};

export const bluetoothMissing = {
  title: 'This browser cannot connect to Bluetooth sensors',
  body:
    'Bluetooth sensors work in Chrome or Edge on Android, ChromeOS, Windows, macOS and Linux. ' +
    'Safari, Firefox and browsers on iPhone and iPad do not support Web Bluetooth. ' +
    'You can still try the demo sensor and replay recordings here.',
};

export const emptyStates = {
  connect: {
    heading: 'Sensors will connect here',
    body:
      'Pair a Quadcue EMG sensor, a Tindeq Progressor force gauge or an OpenBCI Ganglion over Bluetooth, ' +
      'or try the built-in demo sensor without any hardware. Up to two sensors can be used at once.',
  },
  live: {
    heading: 'Your muscle activity will show here',
    body:
      'Once a sensor is connected, this screen shows how hard your thigh muscles are working, ' +
      'with a target band to aim for and cues to squeeze, hold and relax.',
  },
  exercises: {
    heading: 'Your exercise program will be listed here',
    body:
      'Exercises such as quad sets, straight-leg raises and step-downs, with the holds and repetitions ' +
      'your therapist sets, will appear here with what is due today.',
  },
  history: {
    heading: 'Your sessions will be saved here',
    body:
      'Each session you record is kept on this device, with your progress over time. ' +
      'Nothing is sent anywhere unless you choose to export it.',
  },
  settings: {
    heading: 'More settings are on their way',
    body: 'Sound, vibration and spoken counting, and how much storage Quadcue uses on this device, will be set here.',
  },
};

export const about = {
  intro:
    'Quadcue shows how hard your thigh muscles — above all the inner (vastus medialis) and outer (vastus lateralis) ' +
    'parts of the quadriceps — are working while you exercise, using a wearable muscle sensor (surface EMG) or a ' +
    'force gauge. Targets, colours, sounds and counting guide each exercise.',
  whoFor:
    'It is made for people doing home exercises after a knee injury or surgery or with kneecap pain, and for the ' +
    'physical therapists who guide them.',
  medicalHeading: 'What Quadcue is not',
  medical:
    'Quadcue informs and motivates exercise. It does not diagnose, treat or monitor any condition, and it is not a ' +
    'medical device. Its measurements have not been clinically validated. Follow the advice of your physical ' +
    'therapist or doctor, and stop an exercise if it causes pain.',
  privacyHeading: 'Your data stays on this device',
  privacy:
    'Recordings and settings are stored only in this browser on this device. Quadcue sends nothing to any server; ' +
    'data leaves the device only when you export or share it yourself.',
  licencesHeading: 'Open source and licences',
  licences:
    'Quadcue is open-source software under the MIT licence. It is built with Preact (MIT), Preact Signals (MIT), ' +
    'uPlot (MIT), idb (ISC) and Workbox (MIT). Recorded EMG used in its tests comes from the BioSPPy project ' +
    '(BSD 3-Clause licence).',
  versionLabel: 'Version',
};

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

export const headerStatus = {
  streaming: (count: number) => (count === 1 ? '1 sensor connected' : `${count} sensors connected`),
  reconnecting: 'Reconnecting…',
  connecting: 'Connecting…',
  lost: 'Sensor connection lost',
};

export const live = {
  emptyHeading: 'Connect a sensor to see your muscles work',
  emptyBody: 'Live feedback starts as soon as a sensor streams. Try the demo sensor if you have no hardware with you.',
  goToConnect: 'Go to Connect',
  windowLabel: 'Time shown',
  windowOption: (seconds: number) => `${seconds} s`,
  pause: 'Pause',
  resume: 'Resume',
  paused: 'Paused — the sensor keeps recording',
  chartLabel: (sensor: string) => `Live signal from ${sensor}`,
  filteredSeries: (channel: string) => `${channel} signal`,
  envelopeSeries: (channel: string) => `${channel} activation`,
  forceSeries: (channel: string) => `${channel} force`,
  meterLabel: (channel: string) => `${channel} activation`,
  peak: 'Peak',
  mean: 'Average',
  simulated: 'Simulated data',
  awake: 'Screen kept on during the session',
};

export const settingsText = {
  mainsLabel: 'Mains frequency',
  mainsHint:
    'Electric wiring hums at 50 Hz or 60 Hz depending on the country. Quadcue filters that hum out of muscle signals. ' +
    'It was set from your language and region; change it if the signal looks noisy.',
  mainsOption: (hz: number) => `${hz} Hz`,
};

export const exercisesText = {
  intro: 'Choose an exercise. Quadcue calibrates your maximum first, then guides each hold with the target band.',
  start: (name: string) => `Start ${name}`,
  settings: 'Exercise settings',
  holdS: 'Hold (s)',
  relaxS: 'Relax (s)',
  reps: 'Repetitions',
  sets: 'Sets',
  bandLow: 'Target from (% of maximum)',
  bandHigh: 'Target to (% of maximum)',
  bandLowN: 'Target from (N)',
  bandHighN: 'Target to (N)',
  invalid: 'Some settings are outside what Quadcue allows. Check the highlighted numbers.',
  noSensor: (signal: string) =>
    `This exercise needs a connected sensor with a channel set to ${signal}. Connect one, or set a channel’s muscle on the Connect screen.`,
  back: 'Back to exercises',
  electrodes: 'Where the electrodes go',
  calibrationHeading: 'Find your maximum',
  calibrationIntro:
    'You will push as hard as you can three times, 5 seconds each, with a rest in between. Quadcue uses your strongest effort as 100 %.',
  reuseCalibration: (date: string) => `Use my last calibration (${date})`,
  calibrate: 'Calibrate now',
  calibrateAgain: 'Calibrate again',
  startExercise: 'Start exercise',
  calibrationPhase: {
    idle: 'Get ready',
    countdown: 'Get ready…',
    effort: 'Push as hard as you can!',
    rest: 'Rest',
    done: 'Done',
  } as Record<string, string>,
  trial: (n: number, of: number) => `Effort ${n} of ${of}`,
  secondsLeft: (s: number) => `${s}`,
  trialResult: (n: number, value: string) => `Effort ${n}: ${value}`,
  trialMissing: 'no full effort measured',
  maximum: (value: string) => `Your maximum: ${value}`,
  repeatSuggestion:
    'Your three efforts differ quite a lot (the lowest is more than 15 % below the highest). As a rule of thumb, repeating the calibration gives a steadier maximum.',
  stop: 'Stop',
  repOf: (rep: number, reps: number) => `Rep ${rep} of ${reps}`,
  setOf: (set: number, sets: number) => `Set ${set} of ${sets}`,
  percentMvc: '% of maximum',
  ratingHeading: 'How was it?',
  pain: 'Pain during the exercise (0 = none, 10 = worst imaginable)',
  effort: 'How hard did it feel? (0 = nothing at all, 10 = maximal)',
  saveRating: 'See my summary',
  summaryHeading: 'Session summary',
  repColumn: 'Rep',
  held: 'Hold',
  achieved: 'achieved',
  notAchieved: 'not reached',
  timeInBand: 'Time in band',
  peak: 'Peak',
  mean: 'Average',
  fatigue: 'Trend across reps',
  fatigueValue: (perRep: number | null, unit: string) => (perRep === null ? '—' : `${perRep >= 0 ? '+' : ''}${perRep.toFixed(1)} ${unit} per rep`),
  painEffort: (pain: number, effort: number) => `Pain ${pain}/10 · Effort ${effort}/10`,
  done: 'Done',
};

/** The words of the exercise cues (colour and shape always accompany them). */
export const cueWords = {
  squeeze: 'Squeeze',
  hold: 'Hold',
  holdCount: (secondsLeft: number) => `Hold ${secondsLeft}…`,
  relax: 'Relax',
  wellDone: 'Well done!',
};
