/*
 * Host test: every golden vector through the C reference. Decoding must give the expected values or
 * error; encoding a canonical vector's expected values must give its bytes back, byte for byte.
 * Each vector is copied into a heap block of exactly its length, so AddressSanitizer (the npm test
 * builds with it) reports any read past the end. Prints "<passed>/<total> vectors passed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "golden_vectors.h"

static int fail(const qc_golden_vector *v, const char *why) {
  printf("FAIL %s: %s\n", v->name, why);
  return 0;
}

static int same_bytes(const qc_golden_vector *v, const uint8_t *out, size_t length) {
  return length == v->length && memcmp(out, v->bytes, length) == 0;
}

static int check_frame(const qc_golden_vector *v, const uint8_t *in) {
  qc_frame_header h;
  const qc_frame_header *e = &v->frame;
  uint8_t out[QC_MAX_MESSAGE_BYTES];
  size_t i, length = 0;
  qc_error err = qc_frame_read_header(in, v->length, &h);
  if (err != v->error) return fail(v, "decode error differs");
  if (err != QC_OK) return 1;
  if (h.flags != e->flags || h.sequence != e->sequence || h.device_time_us != e->device_time_us ||
      h.channel_mask != e->channel_mask || h.format != e->format || h.samples_per_channel != e->samples_per_channel) {
    return fail(v, "header fields differ");
  }
  if (qc_channel_count(h.channel_mask) * (size_t)h.samples_per_channel != v->sample_count) return fail(v, "sample count differs");
  for (i = 0; i < v->sample_count; i++) {
    if (qc_frame_get_sample(in, h.format, i) != v->samples[i]) return fail(v, "a sample differs");
  }
  if (!v->canonical) return 1;
  if (qc_frame_write_header(e, out, sizeof out, &length) != QC_OK) return fail(v, "encode refused");
  for (i = 0; i < v->sample_count; i++) {
    if (qc_frame_put_sample(out, e->format, i, v->samples[i])) return fail(v, "encode clamped a sample");
  }
  return same_bytes(v, out, length) ? 1 : fail(v, "encoded bytes differ");
}

static int same_description(const qc_description *a, const qc_description *b) {
  unsigned i;
  if (a->protocol_major != b->protocol_major || a->protocol_minor != b->protocol_minor || a->device_kind != b->device_kind ||
      a->channel_count != b->channel_count || a->rate_count != b->rate_count) {
    return 0;
  }
  for (i = 0; i < a->rate_count; i++) {
    if (a->rates_hz[i] != b->rates_hz[i]) return 0;
  }
  for (i = 0; i < a->channel_count; i++) {
    const qc_channel_info *x = &a->channels[i], *y = &b->channels[i];
    if (x->kind != y->kind || x->unit != y->unit || x->format != y->format || x->resolution_bits != y->resolution_bits ||
        x->sample_rate_hz != y->sample_rate_hz || x->scale != y->scale || strcmp(x->label, y->label) != 0) {
      return 0;
    }
  }
  return 1;
}

static int check_description(const qc_golden_vector *v, const uint8_t *in) {
  qc_description d;
  uint8_t out[QC_MAX_MESSAGE_BYTES];
  size_t length = 0;
  qc_error err = qc_description_decode(in, v->length, &d);
  if (err != v->error) return fail(v, "decode error differs");
  if (err != QC_OK) return 1;
  if (!same_description(&d, &v->description)) return fail(v, "decoded fields differ");
  if (!v->canonical) return 1;
  if (qc_description_encode(&v->description, out, sizeof out, &length) != QC_OK) return fail(v, "encode refused");
  return same_bytes(v, out, length) ? 1 : fail(v, "encoded bytes differ");
}

static int check_request(const qc_golden_vector *v, const uint8_t *in) {
  qc_control_request r;
  uint8_t out[8];
  size_t length = 0;
  qc_error err = qc_request_decode(in, v->length, &r);
  if (err != v->error) return fail(v, "decode error differs");
  if (err != QC_OK) return 1;
  if (r.opcode != v->request.opcode || r.request_id != v->request.request_id || r.rate_hz != v->request.rate_hz) {
    return fail(v, "decoded fields differ");
  }
  if (!v->canonical) return 1;
  if (qc_request_encode(&v->request, out, sizeof out, &length) != QC_OK) return fail(v, "encode refused");
  return same_bytes(v, out, length) ? 1 : fail(v, "encoded bytes differ");
}

static int check_response(const qc_golden_vector *v, const uint8_t *in) {
  qc_control_response r;
  const qc_control_response *e = &v->response;
  uint8_t out[QC_STATUS_REPLY_BYTES];
  size_t length = 0;
  qc_error err = qc_response_decode(in, v->length, &r);
  if (err != v->error) return fail(v, "decode error differs");
  if (err != QC_OK) return 1;
  if (r.opcode != e->opcode || r.request_id != e->request_id || r.status != e->status || r.battery_percent != e->battery_percent ||
      r.dropped_samples != e->dropped_samples || r.adc_faults != e->adc_faults || r.notify_failures != e->notify_failures) {
    return fail(v, "decoded fields differ");
  }
  if (!v->canonical) return 1;
  if (qc_response_encode(e, out, sizeof out, &length) != QC_OK) return fail(v, "encode refused");
  return same_bytes(v, out, length) ? 1 : fail(v, "encoded bytes differ");
}

int main(void) {
  size_t i, passed = 0;
  for (i = 0; i < GOLDEN_VECTOR_COUNT; i++) {
    const qc_golden_vector *v = &GOLDEN_VECTORS[i];
    /* malloc(0) may return NULL; one spare byte keeps the pointer valid while length stays exact. */
    uint8_t *in = malloc(v->length == 0 ? 1 : v->length);
    int ok = 0;
    if (in == NULL) return 2;
    memcpy(in, v->bytes, v->length);
    switch (v->message) {
      case QC_VEC_DATA_FRAME: ok = check_frame(v, in); break;
      case QC_VEC_DESCRIPTION: ok = check_description(v, in); break;
      case QC_VEC_REQUEST: ok = check_request(v, in); break;
      case QC_VEC_RESPONSE: ok = check_response(v, in); break;
      default: ok = fail(v, "unknown message kind"); break;
    }
    free(in);
    passed += ok ? 1u : 0u;
  }
  printf("%lu/%lu vectors passed\n", (unsigned long)passed, (unsigned long)GOLDEN_VECTOR_COUNT);
  return passed == GOLDEN_VECTOR_COUNT ? 0 : 1;
}
