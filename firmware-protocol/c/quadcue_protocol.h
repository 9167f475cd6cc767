/*
 * quadcue_protocol.h — header-only C99 encoder/decoder for the Quadcue sensor protocol 1.0.
 * Specification: firmware-protocol/PROTOCOL.md (section numbers below refer to it).
 * No malloc, no I/O, no globals: every function works on caller buffers. Assumes IEEE 754 float,
 * which ESP32, nRF52 and desktop hosts all have. Licence: MIT, like the rest of Quadcue.
 */
#ifndef QUADCUE_PROTOCOL_H
#define QUADCUE_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* §2 GATT layout. Replies to control requests are notified on the control characteristic. */
#define QC_SERVICE_UUID "5b090001-3804-4a5c-ae72-9dec7c60a1b4"
#define QC_DATA_CHAR_UUID "5b090002-3804-4a5c-ae72-9dec7c60a1b4"
#define QC_CONTROL_CHAR_UUID "5b090003-3804-4a5c-ae72-9dec7c60a1b4"
#define QC_DESCRIPTION_CHAR_UUID "5b090004-3804-4a5c-ae72-9dec7c60a1b4"

/* §3 versioning: byte 0 of frames and descriptions = major << 4 | minor. */
#define QC_PROTOCOL_MAJOR 1
#define QC_PROTOCOL_MINOR 0
#define QC_VERSION_BYTE ((uint8_t)((QC_PROTOCOL_MAJOR << 4) | QC_PROTOCOL_MINOR))

#define QC_MAX_MESSAGE_BYTES 512 /* ATT attribute value limit */
#define QC_FRAME_HEADER_BYTES 11
#define QC_FRAME_FLAGS_OFFSET 1 /* OR a QC_FLAG_* into frame[1] after writing the header */
#define QC_MAX_CHANNELS 8
#define QC_MAX_RATES 16
#define QC_MAX_LABEL_BYTES 16
#define QC_STATUS_REPLY_BYTES 12

/* §5.2 frame flags; bits 3–7 are reserved: send 0, ignore on receipt. */
#define QC_FLAG_CLIPPED 0x01u
#define QC_FLAG_STREAM_START 0x02u
#define QC_FLAG_SAMPLES_DROPPED 0x04u

enum { QC_FORMAT_INT16 = 0, QC_FORMAT_INT24 = 1 };
enum { QC_DEVICE_EMG = 1, QC_DEVICE_FORCE = 2, QC_DEVICE_EMG_FORCE = 3 };
enum { QC_CHANNEL_EMG = 1, QC_CHANNEL_FORCE = 2 };
enum { QC_UNIT_UV = 1, QC_UNIT_N = 2 };
enum { QC_OP_START = 1, QC_OP_STOP, QC_OP_TARE, QC_OP_SET_RATE, QC_OP_IDENTIFY, QC_OP_READ_STATUS };
enum {
  QC_STATUS_OK = 0, QC_STATUS_UNKNOWN_OPCODE, QC_STATUS_BAD_ARGUMENT, QC_STATUS_UNSUPPORTED_RATE, QC_STATUS_BUSY,
  QC_STATUS_NOT_STREAMING, QC_STATUS_HARDWARE_FAULT, QC_STATUS_LOW_BATTERY, QC_STATUS_NOT_SUPPORTED
};

/* §8 decode errors, same names as the TypeScript codec. Encoders also return them for bad input. */
typedef enum {
  QC_OK = 0, QC_ERR_TOO_SHORT, QC_ERR_TOO_LONG, QC_ERR_UNSUPPORTED_VERSION, QC_ERR_LENGTH_MISMATCH,
  QC_ERR_NO_CHANNELS, QC_ERR_NO_SAMPLES, QC_ERR_UNKNOWN_FORMAT, QC_ERR_UNKNOWN_OPCODE, QC_ERR_UNKNOWN_STATUS,
  QC_ERR_BAD_VALUE,
  QC_ERR_BUFFER_TOO_SMALL /* encoders only: the output buffer cannot hold the message */
} qc_error;

typedef struct {
  uint8_t flags;
  uint16_t sequence;       /* +1 per frame, wraps */
  uint32_t device_time_us; /* time of the first sample set, wraps */
  uint8_t channel_mask;    /* bit i = channel i present */
  uint8_t format;          /* QC_FORMAT_* */
  uint8_t samples_per_channel;
} qc_frame_header;

typedef struct {
  uint8_t kind;   /* QC_CHANNEL_* */
  uint8_t unit;   /* QC_UNIT_*: EMG in uV, force in N */
  uint8_t format; /* QC_FORMAT_* */
  uint8_t resolution_bits;
  uint16_t sample_rate_hz;
  float scale; /* physical units per count, finite and > 0 */
  char label[QC_MAX_LABEL_BYTES + 1]; /* UTF-8, NUL-terminated */
} qc_channel_info;

typedef struct {
  uint8_t protocol_major, protocol_minor; /* filled by decode; encode always writes QC_VERSION_BYTE */
  uint8_t device_kind;                    /* QC_DEVICE_* */
  uint8_t channel_count, rate_count;
  uint16_t rates_hz[QC_MAX_RATES]; /* strictly ascending */
  qc_channel_info channels[QC_MAX_CHANNELS];
} qc_description;

typedef struct {
  uint8_t opcode, request_id;
  uint16_t rate_hz; /* start and set-rate only */
} qc_control_request;

typedef struct {
  uint8_t opcode, request_id, status;
  /* Only in an ok read-status reply: */
  uint8_t battery_percent;
  uint32_t dropped_samples;
  uint16_t adc_faults, notify_failures;
} qc_control_response;

/* ---- little-endian helpers ---- */
static inline void qc_put_u16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline void qc_put_u32(uint8_t *p, uint32_t v) { qc_put_u16(p, (uint16_t)v); qc_put_u16(p + 2, (uint16_t)(v >> 16)); }
static inline uint16_t qc_get_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static inline uint32_t qc_get_u32(const uint8_t *p) { return (uint32_t)qc_get_u16(p) | ((uint32_t)qc_get_u16(p + 2) << 16); }

/* §3/§8 first checks: too long, then the major version (if there is a byte 0), then too short. */
static inline qc_error qc_check_envelope(const uint8_t *in, size_t length, size_t min_bytes, int versioned) {
  if (length > QC_MAX_MESSAGE_BYTES) return QC_ERR_TOO_LONG;
  if (versioned && length >= 1 && (in[0] >> 4) != QC_PROTOCOL_MAJOR) return QC_ERR_UNSUPPORTED_VERSION;
  return length < min_bytes ? QC_ERR_TOO_SHORT : QC_OK;
}

/* ---- §5 data frames ---- */
static inline unsigned qc_channel_count(uint8_t mask) {
  unsigned n = 0;
  for (; mask != 0; mask = (uint8_t)(mask & (mask - 1))) n++;
  return n;
}

static inline size_t qc_bytes_per_sample(uint8_t format) {
  return format == QC_FORMAT_INT16 ? 2u : format == QC_FORMAT_INT24 ? 3u : 0u;
}

/* Frame length in bytes for this header (keep it <= MTU - 3 and <= 512). */
static inline size_t qc_frame_bytes(const qc_frame_header *h) {
  return QC_FRAME_HEADER_BYTES + (size_t)qc_channel_count(h->channel_mask) * h->samples_per_channel * qc_bytes_per_sample(h->format);
}

/* Writes the 11-byte header into out and reports the full frame length; then fill samples with qc_frame_put_sample. */
static inline qc_error qc_frame_write_header(const qc_frame_header *h, uint8_t *out, size_t capacity, size_t *frame_bytes) {
  size_t total;
  if (h->channel_mask == 0) return QC_ERR_NO_CHANNELS;
  if (qc_bytes_per_sample(h->format) == 0) return QC_ERR_UNKNOWN_FORMAT;
  if (h->samples_per_channel == 0) return QC_ERR_NO_SAMPLES;
  total = qc_frame_bytes(h);
  if (total > QC_MAX_MESSAGE_BYTES) return QC_ERR_TOO_LONG;
  if (total > capacity) return QC_ERR_BUFFER_TOO_SMALL;
  out[0] = QC_VERSION_BYTE;
  out[1] = h->flags;
  qc_put_u16(out + 2, h->sequence);
  qc_put_u32(out + 4, h->device_time_us);
  out[8] = h->channel_mask;
  out[9] = h->format;
  out[10] = h->samples_per_channel;
  *frame_bytes = total;
  return QC_OK;
}

/*
 * Stores interleaved sample `index` (set * channels + channel). Values beyond the format's range are
 * clamped to it; returns 1 when it clamped, so the caller can set QC_FLAG_CLIPPED.
 */
static inline int qc_frame_put_sample(uint8_t *frame, uint8_t format, size_t index, int32_t value) {
  const int32_t max = format == QC_FORMAT_INT24 ? 8388607 : 32767;
  int clamped = 0;
  uint32_t u;
  uint8_t *p = frame + QC_FRAME_HEADER_BYTES + index * qc_bytes_per_sample(format);
  if (value > max) { value = max; clamped = 1; }
  if (value < -max - 1) { value = -max - 1; clamped = 1; }
  u = (uint32_t)value;
  p[0] = (uint8_t)u;
  p[1] = (uint8_t)(u >> 8);
  if (format == QC_FORMAT_INT24) p[2] = (uint8_t)(u >> 16);
  return clamped;
}

/* Checks a received frame (§8 order) and reads its header. On QC_OK every sample index < channels * samples is readable. */
static inline qc_error qc_frame_read_header(const uint8_t *in, size_t length, qc_frame_header *h) {
  qc_error e = qc_check_envelope(in, length, QC_FRAME_HEADER_BYTES, 1);
  if (e != QC_OK) return e;
  h->flags = in[1];
  h->sequence = qc_get_u16(in + 2);
  h->device_time_us = qc_get_u32(in + 4);
  h->channel_mask = in[8];
  h->format = in[9];
  h->samples_per_channel = in[10];
  if (h->channel_mask == 0) return QC_ERR_NO_CHANNELS;
  if (qc_bytes_per_sample(h->format) == 0) return QC_ERR_UNKNOWN_FORMAT;
  if (h->samples_per_channel == 0) return QC_ERR_NO_SAMPLES;
  return length == qc_frame_bytes(h) ? QC_OK : QC_ERR_LENGTH_MISMATCH;
}

static inline int32_t qc_frame_get_sample(const uint8_t *frame, uint8_t format, size_t index) {
  const uint8_t *p = frame + QC_FRAME_HEADER_BYTES + index * qc_bytes_per_sample(format);
  if (format == QC_FORMAT_INT16) return (int16_t)qc_get_u16(p);
  {
    uint32_t u = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16);
    return (u & 0x800000u) ? (int32_t)u - 0x1000000 : (int32_t)u; /* sign-extend bit 23 */
  }
}

/* ---- §4 device description ---- */

/* §4.3 label rule: well-formed UTF-8 (RFC 3629 §4), no C0 control characters, no DEL. */
static inline int qc_label_valid(const uint8_t *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint8_t lead = s[i];
    size_t len, k;
    uint32_t cp, min;
    if (lead < 0x80) {
      if (lead < 0x20 || lead == 0x7f) return 0;
      i++;
      continue;
    }
    if (lead >= 0xc2 && lead <= 0xdf) { len = 2; cp = lead & 0x1fu; min = 0x80; }
    else if (lead >= 0xe0 && lead <= 0xef) { len = 3; cp = lead & 0x0fu; min = 0x800; }
    else if (lead >= 0xf0 && lead <= 0xf4) { len = 4; cp = lead & 0x07u; min = 0x10000; }
    else return 0;
    if (i + len > n) return 0;
    for (k = 1; k < len; k++) {
      if ((s[i + k] & 0xc0) != 0x80) return 0;
      cp = (cp << 6) | (s[i + k] & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    i += len;
  }
  return 1;
}

/* Finite and > 0, judged on the bits: sign clear, exponent not all ones, not zero. */
static inline int qc_scale_valid_bits(uint32_t bits) {
  return (bits & 0x80000000u) == 0 && (bits & 0x7f800000u) != 0x7f800000u && bits != 0;
}

static inline int qc_unit_matches(uint8_t kind, uint8_t unit) {
  return (kind == QC_CHANNEL_EMG && unit == QC_UNIT_UV) || (kind == QC_CHANNEL_FORCE && unit == QC_UNIT_N);
}

/* §4.2: the device kind must be exactly the union of its channels' kinds. */
static inline int qc_device_kind_matches(const qc_description *d) {
  unsigned seen = 0, i;
  for (i = 0; i < d->channel_count; i++) seen |= d->channels[i].kind == QC_CHANNEL_EMG ? 1u : 2u;
  return seen == d->device_kind;
}

/* Decodes a description read from the description characteristic. Bytes after the last channel are ignored. */
static inline qc_error qc_description_decode(const uint8_t *in, size_t length, qc_description *d) {
  size_t off = 4, i;
  qc_error e = qc_check_envelope(in, length, 4, 1);
  if (e != QC_OK) return e;
  d->protocol_major = (uint8_t)(in[0] >> 4);
  d->protocol_minor = (uint8_t)(in[0] & 0x0f);
  d->device_kind = in[1];
  d->channel_count = in[2];
  d->rate_count = in[3];
  if (d->device_kind < QC_DEVICE_EMG || d->device_kind > QC_DEVICE_EMG_FORCE) return QC_ERR_BAD_VALUE;
  if (d->channel_count < 1 || d->channel_count > QC_MAX_CHANNELS) return QC_ERR_BAD_VALUE;
  if (d->rate_count < 1 || d->rate_count > QC_MAX_RATES) return QC_ERR_BAD_VALUE;
  if (length < off + 2u * d->rate_count) return QC_ERR_TOO_SHORT;
  for (i = 0; i < d->rate_count; i++, off += 2) {
    d->rates_hz[i] = qc_get_u16(in + off);
    if (d->rates_hz[i] <= (i == 0 ? 0 : d->rates_hz[i - 1])) return QC_ERR_BAD_VALUE;
  }
  for (i = 0; i < d->channel_count; i++) {
    qc_channel_info *c = &d->channels[i];
    uint32_t bits;
    uint8_t label_bytes;
    if (length < off + 11) return QC_ERR_TOO_SHORT;
    c->kind = in[off];
    c->unit = in[off + 1];
    c->format = in[off + 2];
    c->resolution_bits = in[off + 3];
    c->sample_rate_hz = qc_get_u16(in + off + 4);
    bits = qc_get_u32(in + off + 6);
    memcpy(&c->scale, &bits, sizeof c->scale);
    label_bytes = in[off + 10];
    if (c->kind != QC_CHANNEL_EMG && c->kind != QC_CHANNEL_FORCE) return QC_ERR_BAD_VALUE;
    if (!qc_unit_matches(c->kind, c->unit)) return QC_ERR_BAD_VALUE;
    if (qc_bytes_per_sample(c->format) == 0) return QC_ERR_UNKNOWN_FORMAT;
    if (c->resolution_bits < 1 || c->resolution_bits > 8 * qc_bytes_per_sample(c->format)) return QC_ERR_BAD_VALUE;
    if (c->sample_rate_hz == 0 || !qc_scale_valid_bits(bits)) return QC_ERR_BAD_VALUE;
    if (label_bytes < 1 || label_bytes > QC_MAX_LABEL_BYTES) return QC_ERR_BAD_VALUE;
    off += 11;
    if (length < off + label_bytes) return QC_ERR_TOO_SHORT;
    if (!qc_label_valid(in + off, label_bytes)) return QC_ERR_BAD_VALUE;
    memcpy(c->label, in + off, label_bytes);
    c->label[label_bytes] = '\0';
    off += label_bytes;
  }
  return qc_device_kind_matches(d) ? QC_OK : QC_ERR_BAD_VALUE;
}

/* Encodes a description for the description characteristic (at most 252 bytes by construction). */
static inline qc_error qc_description_encode(const qc_description *d, uint8_t *out, size_t capacity, size_t *length) {
  size_t off = 4, i, total = 4u + 2u * d->rate_count;
  if (d->channel_count < 1 || d->channel_count > QC_MAX_CHANNELS) return QC_ERR_BAD_VALUE;
  if (d->rate_count < 1 || d->rate_count > QC_MAX_RATES) return QC_ERR_BAD_VALUE;
  if (d->device_kind < QC_DEVICE_EMG || d->device_kind > QC_DEVICE_EMG_FORCE || !qc_device_kind_matches(d)) return QC_ERR_BAD_VALUE;
  for (i = 0; i < d->rate_count; i++) {
    if (d->rates_hz[i] <= (i == 0 ? 0 : d->rates_hz[i - 1])) return QC_ERR_BAD_VALUE;
  }
  for (i = 0; i < d->channel_count; i++) {
    const qc_channel_info *c = &d->channels[i];
    size_t label_bytes = strlen(c->label);
    uint32_t bits;
    memcpy(&bits, &c->scale, sizeof bits);
    if (!qc_unit_matches(c->kind, c->unit) || c->sample_rate_hz == 0 || !qc_scale_valid_bits(bits)) return QC_ERR_BAD_VALUE;
    if (qc_bytes_per_sample(c->format) == 0) return QC_ERR_UNKNOWN_FORMAT;
    if (c->resolution_bits < 1 || c->resolution_bits > 8 * qc_bytes_per_sample(c->format)) return QC_ERR_BAD_VALUE;
    if (label_bytes < 1 || label_bytes > QC_MAX_LABEL_BYTES || !qc_label_valid((const uint8_t *)c->label, label_bytes)) return QC_ERR_BAD_VALUE;
    total += 11 + label_bytes;
  }
  if (total > capacity) return QC_ERR_BUFFER_TOO_SMALL;
  out[0] = QC_VERSION_BYTE;
  out[1] = d->device_kind;
  out[2] = d->channel_count;
  out[3] = d->rate_count;
  for (i = 0; i < d->rate_count; i++, off += 2) qc_put_u16(out + off, d->rates_hz[i]);
  for (i = 0; i < d->channel_count; i++) {
    const qc_channel_info *c = &d->channels[i];
    size_t label_bytes = strlen(c->label);
    uint32_t bits;
    memcpy(&bits, &c->scale, sizeof bits);
    out[off] = c->kind;
    out[off + 1] = c->unit;
    out[off + 2] = c->format;
    out[off + 3] = c->resolution_bits;
    qc_put_u16(out + off + 4, c->sample_rate_hz);
    qc_put_u32(out + off + 6, bits);
    out[off + 10] = (uint8_t)label_bytes;
    memcpy(out + off + 11, c->label, label_bytes);
    off += 11 + label_bytes;
  }
  *length = total;
  return QC_OK;
}

/* ---- §6 control point ---- */

/* Decodes a request written to the control characteristic (peripheral side). Trailing bytes are ignored. */
static inline qc_error qc_request_decode(const uint8_t *in, size_t length, qc_control_request *r) {
  qc_error e = qc_check_envelope(in, length, 2, 0);
  if (e != QC_OK) return e;
  r->opcode = in[0];
  r->request_id = in[1];
  r->rate_hz = 0;
  if (r->opcode < QC_OP_START || r->opcode > QC_OP_READ_STATUS) return QC_ERR_UNKNOWN_OPCODE;
  if (r->opcode != QC_OP_START && r->opcode != QC_OP_SET_RATE) return QC_OK;
  if (length < 4) return QC_ERR_TOO_SHORT;
  r->rate_hz = qc_get_u16(in + 2);
  return r->rate_hz == 0 ? QC_ERR_BAD_VALUE : QC_OK;
}

static inline qc_error qc_request_encode(const qc_control_request *r, uint8_t *out, size_t capacity, size_t *length) {
  int has_rate = r->opcode == QC_OP_START || r->opcode == QC_OP_SET_RATE;
  size_t total = has_rate ? 4u : 2u;
  if (r->opcode < QC_OP_START || r->opcode > QC_OP_READ_STATUS) return QC_ERR_UNKNOWN_OPCODE;
  if (has_rate && r->rate_hz == 0) return QC_ERR_BAD_VALUE;
  if (total > capacity) return QC_ERR_BUFFER_TOO_SMALL;
  out[0] = r->opcode;
  out[1] = r->request_id;
  if (has_rate) qc_put_u16(out + 2, r->rate_hz);
  *length = total;
  return QC_OK;
}

/* §6.3: the status to reply with when qc_request_decode fails. */
static inline uint8_t qc_status_for_request_error(qc_error e) {
  return e == QC_ERR_UNKNOWN_OPCODE ? QC_STATUS_UNKNOWN_OPCODE : QC_STATUS_BAD_ARGUMENT;
}

/* §6.3: the 3-byte reply to an undecodable request echoes the opcode and request id bytes (0 if missing). */
static inline void qc_rejection_reply(const uint8_t *request, size_t length, uint8_t status, uint8_t out[3]) {
  out[0] = length >= 1 ? request[0] : 0;
  out[1] = length >= 2 ? request[1] : 0;
  out[2] = status;
}

static inline int qc_reply_has_status(const qc_control_response *r) {
  return r->opcode == QC_OP_READ_STATUS && r->status == QC_STATUS_OK;
}

/* Encodes a reply for notification on the control characteristic: 3 bytes, or 12 for an ok read-status. */
static inline qc_error qc_response_encode(const qc_control_response *r, uint8_t *out, size_t capacity, size_t *length) {
  size_t total = qc_reply_has_status(r) ? QC_STATUS_REPLY_BYTES : 3u;
  if (r->opcode < QC_OP_START || r->opcode > QC_OP_READ_STATUS) return QC_ERR_UNKNOWN_OPCODE;
  if (r->status > QC_STATUS_NOT_SUPPORTED) return QC_ERR_UNKNOWN_STATUS;
  if (qc_reply_has_status(r) && r->battery_percent > 100) return QC_ERR_BAD_VALUE;
  if (total > capacity) return QC_ERR_BUFFER_TOO_SMALL;
  out[0] = r->opcode;
  out[1] = r->request_id;
  out[2] = r->status;
  if (total == QC_STATUS_REPLY_BYTES) {
    out[3] = r->battery_percent;
    qc_put_u32(out + 4, r->dropped_samples);
    qc_put_u16(out + 8, r->adc_faults);
    qc_put_u16(out + 10, r->notify_failures);
  }
  *length = total;
  return QC_OK;
}

/* Decodes a reply (app side); fields after the status stay 0 unless it is an ok read-status. */
static inline qc_error qc_response_decode(const uint8_t *in, size_t length, qc_control_response *r) {
  qc_error e = qc_check_envelope(in, length, 3, 0);
  if (e != QC_OK) return e;
  memset(r, 0, sizeof *r);
  r->opcode = in[0];
  r->request_id = in[1];
  r->status = in[2];
  if (r->opcode < QC_OP_START || r->opcode > QC_OP_READ_STATUS) return QC_ERR_UNKNOWN_OPCODE;
  if (r->status > QC_STATUS_NOT_SUPPORTED) return QC_ERR_UNKNOWN_STATUS;
  if (!qc_reply_has_status(r)) return QC_OK;
  if (length < QC_STATUS_REPLY_BYTES) return QC_ERR_TOO_SHORT;
  r->battery_percent = in[3];
  r->dropped_samples = qc_get_u32(in + 4);
  r->adc_faults = qc_get_u16(in + 8);
  r->notify_failures = qc_get_u16(in + 10);
  return r->battery_percent > 100 ? QC_ERR_BAD_VALUE : QC_OK;
}

#endif /* QUADCUE_PROTOCOL_H */
