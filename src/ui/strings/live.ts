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
