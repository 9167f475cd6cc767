// A stored session as the export formats take it (RecordingModel, src/store/formats/), and the
// three files History offers: EDF+, CSV and the JSON summary, named with the session's date.
// Pure: the UI turns the bytes into a download; nothing is ever uploaded.
import type { RecordedSamples } from '../store/db/read-session';
import type { SessionEvent, SessionRecord } from '../store/db/schema';
import { writeCsv, type CsvEnvelope } from '../store/formats/csv-export';
import { writeEdf } from '../store/formats/edf-writer';
import type { RecordingAnnotation, RecordingChannel, RecordingModel } from '../store/formats/recording-model';
import { recordingSummaryJson } from '../store/formats/recording-summary';
import { annotationText } from '../store/formats/event-annotations';

export type ExportFormat = 'edf' | 'csv' | 'json';
export type ExportResult = { ok: true; fileName: string; bytes: Uint8Array; mimeType: string } | { ok: false; detail: string };

const MIME: Record<ExportFormat, string> = { edf: 'application/octet-stream', csv: 'text/csv', json: 'application/json' };

/** "quadcue-2025-03-01_09-30-00.edf": the start as written (UTC), safe in every file system. */
export function exportFileName(session: SessionRecord, format: ExportFormat): string {
  const stamp = session.startedAt.slice(0, 19).replace('T', '_').replaceAll(':', '-');
  return `quadcue-${stamp}${session.simulated ? '-simulated' : ''}.${format}`;
}

/** Labels must differ across sensors (EDF, CSV): a repeated one gets the sensor's number. */
function uniqueLabels(streams: readonly RecordedSamples[]): string[][] {
  const seen = new Set<string>();
  return streams.map((s, index) =>
    s.stream.channels.map((spec) => {
      const label = seen.has(spec.label) ? `${spec.label} ${index + 1}` : spec.label;
      seen.add(label);
      return label;
    }),
  );
}

/** The session as the writers take it: reps, cues, ratings and notes as annotations; gaps are NaN samples (recording-model.ts). */
export function recordingOf(session: SessionRecord, streams: readonly RecordedSamples[], events: readonly SessionEvent[]): RecordingModel {
  const labels = uniqueLabels(streams);
  const channels: RecordingChannel[] = streams.flatMap((s, i) =>
    s.stream.channels.map((spec, c) => ({ label: labels[i]![c]!, unit: spec.unit, sampleRateHz: s.stream.rateHz, samples: s.raw[c]! })),
  );
  const annotations: RecordingAnnotation[] = [];
  for (const event of events) {
    const text = annotationText(event);
    const stream = streams.find((s) => s.stream.sensorId === event.sensorId);
    if (text === null || !stream) continue;
    annotations.push({ onsetS: Math.max(0, (event.sampleIndex - stream.firstIndex) / stream.stream.rateHz), text });
  }
  annotations.sort((a, b) => a.onsetS - b.onsetS);
  return { startedAt: session.startedAt, simulated: session.simulated, channels, annotations };
}

/**
 * One CSV has one time column (csv-export.ts): the first stream and any other of its rate and
 * length go in; the EMG channels' stored envelopes ride along as *_envelope columns.
 */
function csvOf(streams: readonly RecordedSamples[]): ReturnType<typeof writeCsv> {
  const labels = uniqueLabels(streams);
  const first = streams[0];
  const rows = first?.raw[0]?.length ?? 0;
  const channels: RecordingChannel[] = [];
  const envelopes: CsvEnvelope[] = [];
  streams.forEach((s, i) => {
    if (s.stream.rateHz !== first?.stream.rateHz || (s.raw[0]?.length ?? 0) !== rows) return;
    s.stream.channels.forEach((spec, c) => {
      const label = labels[i]![c]!;
      channels.push({ label, unit: spec.unit, sampleRateHz: s.stream.rateHz, samples: s.raw[c]! });
      if (spec.kind === 'emg') envelopes.push({ label, samples: s.level[c]! });
    });
  });
  return writeCsv(channels, envelopes);
}

export function exportSession(format: ExportFormat, session: SessionRecord, streams: readonly RecordedSamples[], events: readonly SessionEvent[]): ExportResult {
  const recording = recordingOf(session, streams, events);
  const fileName = exportFileName(session, format);
  const mimeType = MIME[format];
  if (format === 'edf') {
    const written = writeEdf(recording);
    return written.ok ? { ok: true, fileName, mimeType, bytes: written.bytes } : { ok: false, detail: written.error.detail };
  }
  const text = format === 'csv' ? csvOf(streams) : ({ ok: true, text: recordingSummaryJson(recording) } as const);
  return text.ok ? { ok: true, fileName, mimeType, bytes: new TextEncoder().encode(text.text) } : { ok: false, detail: text.error.detail };
}
