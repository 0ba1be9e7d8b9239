// The few typed errors of the domain, and the one shape the API answers with: {error: {code, message, details}}.
export type ErrorDetails = Record<string, unknown>;

export class DomainError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails | undefined;
  constructor(status: number, code: string, message: string, details?: ErrorDetails) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** 400: `details.fields` maps each bad field to what is wrong with it. */
export class BadInput extends DomainError {
  constructor(code: string, message: string, fields: Record<string, string> = {}) {
    super(400, code, message, { fields });
  }
}

export class Unauthorized extends DomainError {
  constructor(code = 'auth.required', message = 'Authentication required', details?: ErrorDetails) {
    super(401, code, message, details);
  }
}

export class Forbidden extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetails) {
    super(403, code, message, details);
  }
}

/** 404, also for what the caller may not know exists. */
export class NotFound extends DomainError {
  constructor(code: string, message = 'Not found') {
    super(404, code, message);
  }
}

/** 409: a stale version or a state that forbids the change. */
export class Conflict extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetails) {
    super(409, code, message, details);
  }
}

export class TooManyRequests extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetails) {
    super(429, code, message, details);
  }
}
