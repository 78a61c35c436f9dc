/** Stable codes of the classifier's failures; the CLI prints them and the integrator maps them. */
export type ClassifierErrorCode =
  | 'missing_label'
  | 'too_few_examples'
  | 'single_class'
  | 'missing_text'
  | 'empty_text'
  | 'text_too_long'
  | 'not_chinese'
  | 'model_corrupt'
  | 'model_unsupported';

export class ClassifierError extends Error {
  constructor(
    readonly code: ClassifierErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClassifierError';
  }
}
