/**
 * The trainable text classifier: character n-gram TF-IDF, one linear SVM per label, confidences
 * calibrated by cross-validation. Pure library code (no tables); the intake integration and the
 * model registry build on this surface.
 */
export {
  classify,
  classifyNormalized,
  trainModel,
  MAX_TEXT_LENGTH,
  type Classification,
  type Example,
  type Model,
  type TrainOptions,
} from './model.js';
export { serializeModel, loadModel, MODEL_MAGIC, MODEL_VERSION } from './format.js';
export { ClassifierError, type ClassifierErrorCode } from './errors.js';
export { normalizeText } from './text.js';
export { rng } from './linear.js';
export { parseCsv, readCsvRecords, CsvError } from './csv.js';
export {
  runTrainCommand,
  runClassifyCommand,
  classifyLine,
  trainUsage,
  classifyUsage,
  MIN_TRAINING_EXAMPLES,
} from './classifier.cli.js';
