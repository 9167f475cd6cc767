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
  percentOfMax: '% of max',
  targetBand: (low: number, high: number) => `Target band ${low}–${high} % of maximum`,
  awake: 'Screen kept on during the session',
};

export const settingsText = {
  mainsLabel: 'Mains frequency',
  mainsHint:
    'Electric wiring hums at 50 Hz or 60 Hz depending on the country. Quadcue filters that hum out of muscle signals. ' +
    'It was set from your language and region; change it if the signal looks noisy.',
  mainsOption: (hz: number) => `${hz} Hz`,
  dynamometerHeading: 'Dynamometer',
  leverArm: 'Lever arm: knee to pad (m)',
  bodyMass: 'Body mass (kg)',
  dynamometerHint: 'With these, force is also shown as torque (N·m) and torque per kg of body mass (N·m/kg).',
};

export const liveMetrics = {
  ratioHeading: 'VMO : VL',
  ratioValue: (ratio: number) => ratio.toFixed(2),
  ratioNote: 'Each muscle as a share of its own maximum, over the last half second.',
  ratioNeedsCalibration: 'Calibrate VMO and VL (Exercises) to compare them.',
  onsetHeading: 'Onset difference (VMO − VL)',
  onsetValue: (ms: number) => `${ms > 0 ? '+' : ''}${ms.toFixed(0)} ms`,
  onsetNote: 'Positive: VMO started later than VL. A measurement to discuss with your therapist, not a diagnosis.',
  onsetWaiting: 'Contract your thigh: the next onset of both muscles is compared.',
  markRest: 'Mark the last 3 s as rest',
  restMarked: 'Rest marked: onsets are detected from here on.',
  restFailed: 'Not enough signal yet to mark rest. Wait a few seconds and try again.',
  kg: (kg: number) => `${kg.toFixed(1)} kg`,
  torque: (nm: number) => `${nm.toFixed(1)} N·m`,
  torquePerKg: (nmPerKg: number) => `${nmPerKg.toFixed(2)} N·m/kg`,
};
