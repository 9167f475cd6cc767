export const appName = 'Quadcue';

export const screens = {
  home: { nav: 'Today', title: 'Today' },
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

/** A screen's code could not be fetched (offline before the app was saved for offline use). */
export const screenLoad = {
  failedHeading: 'This page did not open',
  failedBody: 'Quadcue could not load this page. Check that the device is online, then try again.',
  retry: 'Try again',
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

export const headerStatus = {
  streaming: (count: number) => (count === 1 ? '1 sensor connected' : `${count} sensors connected`),
  reconnecting: 'Reconnecting…',
  connecting: 'Connecting…',
  lost: 'Sensor connection lost',
};
