// Renders the golden vectors as C99 initialisers for c/test/test_vectors.c, so the C host test needs
// no JSON parser. It reads the same literal expectations the JSON files hold.

import type { Vector } from './bytes';
import type { FrameExpect } from './data-frame-vectors';
import type { ChannelExpect, DescriptionExpect } from './description-vectors';
import type { RequestExpect, ResponseExpect } from './control-vectors';

export interface VectorSets {
  dataFrame: Vector<FrameExpect>[];
  deviceDescription: Vector<DescriptionExpect>[];
  controlRequest: Vector<RequestExpect>[];
  controlResponse: Vector<ResponseExpect>[];
}

const ERROR_ENUM: Record<string, string> = {
  tooShort: 'QC_ERR_TOO_SHORT', tooLong: 'QC_ERR_TOO_LONG', unsupportedVersion: 'QC_ERR_UNSUPPORTED_VERSION',
  lengthMismatch: 'QC_ERR_LENGTH_MISMATCH', noChannels: 'QC_ERR_NO_CHANNELS', noSamples: 'QC_ERR_NO_SAMPLES',
  unknownFormat: 'QC_ERR_UNKNOWN_FORMAT', unknownOpcode: 'QC_ERR_UNKNOWN_OPCODE', unknownStatus: 'QC_ERR_UNKNOWN_STATUS',
  badValue: 'QC_ERR_BAD_VALUE',
};
const OPCODE: Record<string, number> = { start: 1, stop: 2, tare: 3, setRate: 4, identify: 5, readStatus: 6 };
const STATUS: Record<string, number> = {
  ok: 0, unknownOpcode: 1, badArgument: 2, unsupportedRate: 3, busy: 4, notStreaming: 5, hardwareFault: 6, lowBattery: 7, notSupported: 8,
};
const DEVICE_KIND = { emg: 1, force: 2, 'emg+force': 3 } as const;

/** Octal escapes for everything outside printable ASCII: unlike \x they cannot swallow the next character. */
function cString(text: string): string {
  const escaped = Array.from(new TextEncoder().encode(text), (b) =>
    b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`,
  ).join('');
  return `"${escaped}"`;
}

/** Sixteen values a line; `{0}` for an empty list, since C99 has no empty initialiser. */
function cArray(values: readonly (number | string)[]): string {
  if (values.length === 0) return '{0}';
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += 16) lines.push(values.slice(i, i + 16).join(', '));
  return lines.length === 1 ? `{${lines[0]}}` : `{\n  ${lines.join(',\n  ')}\n}`;
}

/** 9 significant digits name every float32 uniquely, so the C compiler rounds back to the same value. */
function cFloat(value: number): string {
  return `${Math.fround(value).toPrecision(9)}f`;
}

function channel(c: ChannelExpect): string {
  return `{ .kind = ${c.kind === 'emg' ? 1 : 2}, .unit = ${c.unit === 'uV' ? 1 : 2}, .format = ${c.format === 'int16' ? 0 : 1}, ` +
    `.resolution_bits = ${c.resolutionBits}, .sample_rate_hz = ${c.sampleRateHz}, .scale = ${cFloat(c.scale)}, .label = ${cString(c.label)} }`;
}

function expectation(kind: keyof VectorSets, e: unknown, id: number): string {
  if (kind === 'dataFrame') {
    const f = e as FrameExpect;
    return `.frame = { .flags = ${f.flags}, .sequence = ${f.sequence}, .device_time_us = ${f.deviceTimeUs}u, .channel_mask = ${f.channelMask}, ` +
      `.format = ${f.format === 'int16' ? 0 : 1}, .samples_per_channel = ${f.samplesPerChannel} }, .samples = samples_${id}, .sample_count = ${f.samples.length}`;
  }
  if (kind === 'deviceDescription') {
    const d = e as DescriptionExpect;
    return `.description = { .protocol_major = ${d.protocolMajor}, .protocol_minor = ${d.protocolMinor}, .device_kind = ${DEVICE_KIND[d.deviceKind]}, ` +
      `.channel_count = ${d.channels.length}, .rate_count = ${d.supportedRatesHz.length}, .rates_hz = ${cArray(d.supportedRatesHz)},\n      ` +
      `.channels = {\n        ${d.channels.map(channel).join(',\n        ')} } }`;
  }
  if (kind === 'controlRequest') {
    const r = e as RequestExpect;
    return `.request = { .opcode = ${OPCODE[r.op]}, .request_id = ${r.requestId}, .rate_hz = ${r.rateHz ?? 0} }`;
  }
  const r = e as ResponseExpect;
  const s = r.deviceStatus;
  return `.response = { .opcode = ${OPCODE[r.op]}, .request_id = ${r.requestId}, .status = ${STATUS[r.status]}` +
    (s ? `, .battery_percent = ${s.batteryPercent}, .dropped_samples = ${s.droppedSamples}u, .adc_faults = ${s.errorCounters.adcFaults}, .notify_failures = ${s.errorCounters.notifyFailures}` : '') +
    ' }';
}

const MESSAGE_ENUM: Record<keyof VectorSets, string> = {
  dataFrame: 'QC_VEC_DATA_FRAME', deviceDescription: 'QC_VEC_DESCRIPTION', controlRequest: 'QC_VEC_REQUEST', controlResponse: 'QC_VEC_RESPONSE',
};

export function renderCVectors(sets: VectorSets): string {
  const arrays: string[] = [];
  const entries: string[] = [];
  let id = 0;
  for (const kind of Object.keys(MESSAGE_ENUM) as (keyof VectorSets)[]) {
    for (const v of sets[kind] as Vector<unknown>[]) {
      const data = v.hex.match(/../g)?.map((h) => `0x${h}`) ?? [];
      arrays.push(`static const uint8_t bytes_${id}[] = ${cArray(data)};`);
      const fields = [
        `.name = ${cString(`${kind}/${v.name}`)}`, `.message = ${MESSAGE_ENUM[kind]}`, `.bytes = bytes_${id}`, `.length = ${data.length}`,
        `.error = ${v.error === undefined ? 'QC_OK' : ERROR_ENUM[v.error]}`, `.canonical = ${v.canonical ? 1 : 0}`,
      ];
      if (v.expect !== undefined) {
        if (kind === 'dataFrame') arrays.push(`static const int32_t samples_${id}[] = ${cArray((v.expect as FrameExpect).samples)};`);
        fields.push(expectation(kind, v.expect, id));
      }
      entries.push(`  { ${fields.join(', ')} }`);
      id++;
    }
  }
  return [
    '/* Generated by firmware-protocol/scripts/generate-vectors.ts from the same literals as the vectors/ JSON files. Do not edit. */',
    '#ifndef QUADCUE_GOLDEN_VECTORS_H',
    '#define QUADCUE_GOLDEN_VECTORS_H',
    '#include "../quadcue_protocol.h"',
    '',
    'enum { QC_VEC_DATA_FRAME, QC_VEC_DESCRIPTION, QC_VEC_REQUEST, QC_VEC_RESPONSE };',
    'typedef struct {',
    '  const char *name; int message; const uint8_t *bytes; size_t length; qc_error error; int canonical;',
    '  qc_frame_header frame; const int32_t *samples; size_t sample_count;',
    '  qc_description description; qc_control_request request; qc_control_response response;',
    '} qc_golden_vector;',
    '',
    ...arrays,
    '',
    'static const qc_golden_vector GOLDEN_VECTORS[] = {',
    entries.join(',\n'),
    '};',
    `#define GOLDEN_VECTOR_COUNT ${id}`,
    '',
    '#endif',
    '',
  ].join('\n');
}
