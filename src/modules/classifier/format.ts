import { createHash } from 'node:crypto';
import { ClassifierError } from './errors.js';
import { makeVectorizer, type FeatureOptions } from './features.js';
import type { Model } from './model.js';

/**
 * The model file:
 *
 *   bytes 0–7   magic "ZCLSMODL"
 *   8–11        format version (uint32 LE)
 *   12–15       header length H (uint32 LE)
 *   16…         header: UTF-8 JSON {kind, labels, features, scale, confidence, info, dim}
 *   …           padding to a multiple of 8
 *   …           vocabulary: dim float64 n-gram keys (ascending)
 *   …           idf: dim float32
 *   …           weights: (dim + 1) × labels float32, feature-major, biases last
 *   last 32     SHA-256 of everything before
 *
 * The checksum catches truncated or edited files; the version and `kind` catch files of
 * another format or another kind of model, each with its own error code.
 *
 * Versions: 1 had no `confidence` (softmax confidences) and no `features.lead`; 2 adds both (the
 * winner's confidence from the gap between the two best margins). Version 1 files are refused: retrain.
 */
export const MODEL_MAGIC = 'ZCLSMODL';
export const MODEL_VERSION = 2;
const KIND = 'char-ngram-tfidf-ovr-svm';

interface Header {
  kind: string;
  labels: string[];
  features: FeatureOptions;
  scale: number;
  confidence: Model['confidence'];
  info: Model['info'];
  dim: number;
}

export function serializeModel(model: Model): Buffer {
  const dim = model.vectorizer.vocabulary.length;
  const header: Header = {
    kind: KIND,
    labels: model.labels,
    features: model.vectorizer.options,
    scale: model.scale,
    confidence: model.confidence,
    info: model.info,
    dim,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerEnd = align8(16 + json.length);
  const body = headerEnd + dim * 8 + dim * 4 + model.weights.length * 4;
  const out = Buffer.alloc(body + 32);
  out.write(MODEL_MAGIC, 0, 'latin1');
  out.writeUInt32LE(MODEL_VERSION, 8);
  out.writeUInt32LE(json.length, 12);
  json.copy(out, 16);
  let at = headerEnd;
  for (const arr of [model.vectorizer.vocabulary, model.vectorizer.idf, model.weights]) {
    const bytes = Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);
    bytes.copy(out, at);
    at += bytes.length;
  }
  createHash('sha256').update(out.subarray(0, body)).digest().copy(out, body);
  return out;
}

export function loadModel(buf: Buffer): Model {
  const corrupt = (why: string) => new ClassifierError('model_corrupt', `not a valid model file: ${why}`);
  if (buf.length < 16 + 32 || buf.toString('latin1', 0, 8) !== MODEL_MAGIC) {
    throw corrupt('it does not start with the Zhicheng classifier signature');
  }
  const version = buf.readUInt32LE(8);
  if (version !== MODEL_VERSION) {
    throw new ClassifierError(
      'model_unsupported',
      `model file format version ${version}; this program reads version ${MODEL_VERSION} — retrain the model`,
    );
  }
  const body = buf.length - 32;
  const digest = createHash('sha256').update(buf.subarray(0, body)).digest();
  if (!digest.equals(buf.subarray(body))) throw corrupt('checksum mismatch (truncated or modified)');
  const headerLength = buf.readUInt32LE(12);
  if (16 + headerLength > body) throw corrupt('header length out of range');
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 16, 16 + headerLength)) as Header;
  } catch {
    throw corrupt('unreadable header');
  }
  if (header.kind !== KIND) {
    throw new ClassifierError(
      'model_unsupported',
      `model kind "${header.kind}" is not supported (expected ${KIND})`,
    );
  }
  const { dim, labels } = header;
  const features = header.features as Partial<FeatureOptions> | undefined;
  if (
    !Number.isInteger(dim) ||
    !Array.isArray(labels) ||
    labels.length < 2 ||
    !['minN', 'maxN', 'minDf', 'titleWeight', 'lead'].every((k) =>
      Number.isFinite(features?.[k as keyof FeatureOptions]),
    )
  )
    throw corrupt('inconsistent header');
  const { confidence } = header;
  if (confidence !== null && !(Number.isFinite(confidence?.slope) && confidence.slope > 0))
    throw corrupt('inconsistent header');
  const start = align8(16 + headerLength);
  if (start + dim * 12 + (dim + 1) * labels.length * 4 !== body)
    throw corrupt('section sizes do not match the header');
  // Copies, so the arrays are aligned whatever the Buffer's offset in its pool.
  const vocabulary = new Float64Array(copy(buf, start, dim * 8));
  const idf = new Float32Array(copy(buf, start + dim * 8, dim * 4));
  const weights = new Float32Array(copy(buf, start + dim * 12, (dim + 1) * labels.length * 4));
  return {
    labels,
    vectorizer: makeVectorizer(header.features, vocabulary, idf),
    weights,
    scale: header.scale,
    confidence,
    info: header.info,
  };
}

function copy(buf: Buffer, offset: number, length: number): ArrayBuffer {
  const out = new ArrayBuffer(length);
  new Uint8Array(out).set(buf.subarray(offset, offset + length));
  return out;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
