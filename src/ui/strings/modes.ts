// Words of the two modes, the therapist PIN, patients, storage and backup (issue 7).
import type { BackupError } from '../../store/db/backup';
import type { PatientInputError } from '../../store/db/patients';

export const modeText = {
  patientMode: 'Patient mode',
  therapistMode: 'Therapist mode',
  enterTherapist: 'Therapist',
  enterTherapistLabel: 'Switch to therapist mode',
  lock: 'Lock',
  lockLabel: 'Lock therapist mode and return to patient mode',
  idleNote: 'Therapist mode locks itself after 5 minutes without use.',
};

export const pinText = {
  setTitle: 'Set a therapist PIN',
  enterTitle: 'Enter the therapist PIN',
  setBody: 'Choose 4 to 8 digits. You will need this PIN each time you open therapist mode on this device.',
  notEncryption:
    'The PIN keeps patients out of therapist screens on a shared tablet. It does not encrypt anything: ' +
    'anyone who can use this browser on this device could still read the data with developer tools.',
  newPin: 'New PIN (4–8 digits)',
  repeatPin: 'Repeat the new PIN',
  pin: 'PIN',
  setSubmit: 'Set PIN and open',
  enterSubmit: 'Open therapist mode',
  cancel: 'Cancel',
  checking: 'Checking…',
  unavailable: 'The storage of this browser is not available, so a PIN cannot be kept. Try a normal (not private) window.',
  invalid: 'Use 4 to 8 digits, nothing else.',
  mismatch: 'The two PINs are not the same.',
  wrong: 'That PIN is not right.',
  paused: 'Too many wrong PINs. Wait 30 seconds, then try again.',
  forgot: 'Forgot PIN?',
  forgotTitle: 'Reset the therapist PIN?',
  forgotBody:
    'This removes the PIN only. Patients, sessions, calibrations, programs and all other data stay exactly as they are, ' +
    'and are not shown. Then you set a new PIN.',
  forgotConfirm: 'Remove the PIN',
  forgotBack: 'Back',
  changeHeading: 'Therapist PIN',
  currentPin: 'Current PIN',
  changeSubmit: 'Change PIN',
  changed: 'PIN changed.',
};

export const patientsText = {
  heading: 'Patients',
  none: 'No patients yet. Add one to keep their sessions and program apart from others on this device.',
  add: 'Add patient',
  newHeading: 'New patient',
  editHeading: (name: string) => `Edit ${name}`,
  name: 'Display name or ID',
  nameHint: 'Use initials or a code, not a full name.',
  side: 'Affected side',
  sideNone: 'Not set',
  sideLeft: 'Left',
  sideRight: 'Right',
  bodyMass: 'Body mass (kg)',
  notes: 'Notes',
  save: 'Save patient',
  cancel: 'Cancel',
  edit: 'Edit',
  makeActive: 'Use on this device',
  active: 'On this device',
  delete: 'Delete',
  details: (side: string | null, massKg: number | null) =>
    [side === 'left' ? 'Left knee' : side === 'right' ? 'Right knee' : null, massKg === null ? null : `${massKg} kg`].filter(Boolean).join(' · ') || 'No details',
  deleteTitle: (name: string) => `Delete ${name} and all their data?`,
  deleteBody: 'Their sessions, recordings, calibrations and programs are removed from this device. This cannot be undone.',
  deleteConfirm: 'Delete for good',
  keep: 'Keep',
  deleted: (name: string) => `${name} and all their data were deleted.`,
  errors: {
    'name-missing': 'Enter a display name or ID.',
    'name-too-long': 'Keep the name to 40 characters.',
    'body-mass-invalid': 'Enter a body mass between 0 and 400 kg, or leave it empty.',
    'notes-too-long': 'Keep notes to 2000 characters.',
  } satisfies Record<PatientInputError, string>,
};

export const storageText = {
  heading: 'Storage on this device',
  usage: 'Used',
  quota: 'Available to Quadcue',
  unknown: 'Not reported by this browser',
  bytes: (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(0)} kB` : bytes < 1e9 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e9).toFixed(1)} GB`),
  persisted: 'Protected: the browser will not clear Quadcue’s data to free space.',
  notPersisted: 'Not protected: the browser may clear Quadcue’s data when the device runs short of space.',
  persist: 'Keep data on this device',
  persistRefused: 'The browser did not agree. Installing Quadcue as an app usually helps. Keep backups.',
};

export const backupText = {
  heading: 'Backup',
  body: 'A backup file holds every patient, session, calibration, program and setting on this device (not the PIN). Keep it somewhere safe: it is not encrypted.',
  download: 'Download backup file',
  fileName: (isoDate: string) => `quadcue-backup-${isoDate.slice(0, 10)}.json`,
  restoreLabel: 'Restore from a backup file',
  restoreTitle: 'Replace all data on this device?',
  restoreBody: (patients: number, sessions: number) => `The file holds ${patients} patients and ${sessions} sessions. Everything now on this device is replaced by it.`,
  restoreConfirm: 'Replace with the backup',
  cancel: 'Cancel',
  restored: (patients: number) => `Backup restored: ${patients} patients.`,
  failedTitle: 'Nothing was changed.',
  errors: (error: BackupError): string => {
    switch (error.code) {
      case 'not-json':
        return 'The file is damaged or not a backup file (it is not readable JSON).';
      case 'not-a-backup':
        return 'This file is not a Quadcue backup.';
      case 'newer-version':
        return 'This backup was made by a newer Quadcue. Update Quadcue on this device first.';
      case 'store-missing':
        return `The backup is incomplete: the ${error.store} are missing.`;
      case 'bad-record':
        return `The backup is damaged: record ${error.index + 1} of ${error.store} is not valid (${error.reason}).`;
      case 'duplicate-key':
        return `The backup is damaged: record ${error.index + 1} of ${error.store} appears twice.`;
      case 'write-failed':
        return `The device could not save the backup (${error.detail}). Free some space and try again.`;
    }
  },
  deleteAllHeading: 'Delete everything',
  deleteAllBody: 'Removes every patient, session, calibration, program and setting from this device. The PIN stays.',
  deleteAll: 'Delete all data',
  deleteAllTitle: 'Delete all data on this device?',
  deleteAllConfirm: 'Delete all data for good',
  deletedAll: 'All data were deleted.',
};

export const calibrationsText = {
  heading: 'Calibrations',
  body: 'Every maximum-effort calibration on this device, newest first. Exercises use the newest one for each muscle and side.',
  none: 'No calibrations yet. They appear here after a calibration in Exercises.',
  noPatient: 'No patient chosen',
  muscle: 'Muscle',
  side: 'Side',
  mvc: 'MVC',
  date: 'Date',
  // A no-break space keeps a number with its unit in a narrow table cell.
  mvcValue: (mvc: number, unit: 'uV' | 'N') => (unit === 'N' ? `${mvc.toFixed(0)}\u00a0N` : `${mvc.toFixed(0)}\u00a0µV`),
};
