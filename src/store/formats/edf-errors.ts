// The typed errors of EDF import and export. Readers never throw on hostile bytes: every problem
// becomes one of these, with a sentence a person can act on (architecture.md, Habits).

export type EdfReadErrorCode =
  /** Shorter than a header, or than the header it declares. */
  | 'truncated'
  /** Not EDF at all (wrong version field; BDF and other formats). */
  | 'not-edf'
  /** A header byte outside printable ASCII. */
  | 'non-ascii'
  /** A header field that is not the number, date or text it must be. */
  | 'bad-field'
  /** The declared sizes do not add up to the file's length. */
  | 'size-mismatch'
  /** EDF+D: interrupted recordings are not supported. */
  | 'discontinuous'
  /** The EDF Annotations signal breaks the TAL rules, or EDF+C time-keeping is not continuous. */
  | 'bad-annotations'
  /** No signal in a unit Quadcue can analyse (uV, mV, V, N, kg). */
  | 'no-usable-signal';

export interface EdfReadError {
  readonly code: EdfReadErrorCode;
  readonly detail: string;
}

export type EdfWriteErrorCode =
  | 'no-channels'
  | 'bad-label'
  | 'bad-rate'
  | 'bad-start'
  | 'bad-patient-code'
  | 'bad-annotation'
  /** No data-record duration up to a minute gives every channel a whole number of samples. */
  | 'no-record-duration'
  /** A value too large for the 8-character physical minimum/maximum fields. */
  | 'out-of-range';

export interface EdfWriteError {
  readonly code: EdfWriteErrorCode;
  readonly detail: string;
}
