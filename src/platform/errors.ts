/**
 * The closed set of error codes the domain raises, each with its HTTP status.
 * Clients match on `code`; messages are for people and may change.
 */
export const errorCodes = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  signature_invalid: 401,
  signature_expired: 401,
  forbidden: 403,
  read_only_role: 403,
  out_of_scope: 404,
  not_found: 404,
  case_not_found: 404,
  report_not_found: 404,
  /** 拆分: the report opened the case (it is the case), so it cannot leave it. */
  report_not_merged: 409,
  /** 拆分: the report has been rated; it stays with the case it was rated on. */
  report_evaluated: 409,
  unit_not_found: 404,
  /** 知识库: no knowledge article with that id. */
  article_not_found: 404,
  unknown_unit: 422,
  unknown_category: 422,
  category_not_leaf: 422,
  unknown_user: 404,
  location_outside_district: 422,
  no_dispatch_rule: 422,
  invalid_transition: 409,
  stale_version: 409,
  duplicate: 409,
  idempotency_conflict: 409,
  co_handling_pending: 409,
  extension_pending: 409,
  no_pending_extension: 409,
  not_assigned: 403,
  attachment_type_not_allowed: 415,
  attachment_too_large: 413,
  rate_limited: 429,
  consent_required: 422,
  reopen_window_closed: 409,
  unknown_division: 422,
  invalid_parent: 422,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** A failure the caller can act on; mapped to HTTP by the one error handler in app.ts. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? code.replaceAll('_', ' '));
    this.name = 'DomainError';
  }

  get status(): number {
    return errorCodes[this.code];
  }
}
