/**
 * meta/v1 Status failures exactly as kube-apiserver sends them (see
 * k8s.io/apimachinery/pkg/api/errors and docs/kubernetes-emulator.md).
 */

/** meta/v1 Status `details`. */
export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  uid?: string
  causes?: Array<{ reason?: string; message: string; field?: string }>
  retryAfterSeconds?: number
}

/** A failed API call: thrown inside the emulator, answered as a Status object with `code` as HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The meta/v1 Status body. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code
    }
  }
}

/** `<plural>.<group>` as the API server names a resource in messages (`deployments.apps`, `pods`). */
export function qualifiedResource(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural
}

/**
 * The factory of an error about one named object: `text` words the message around its subject
 * (`deployments.apps "web"`); `details` carry `name`, `group` and `kind` as the API server sends them.
 */
const objectError =
  (status: number, reason: string, text: (subject: string) => string) =>
  (plural: string, group: string, name: string): ApiError =>
    new ApiError(
      status,
      reason,
      text(`${qualifiedResource(plural, group)} "${name}"`),
      { name, group, kind: plural }
    )

/** 404 NotFound: `deployments.apps "web" not found`. */
export const notFound = objectError(404, 'NotFound', (s) => `${s} not found`)

/** 409 AlreadyExists. */
export const alreadyExists = objectError(
  409,
  'AlreadyExists',
  (s) => `${s} already exists`
)

/** 409 Conflict for a stale `metadata.resourceVersion`. */
export const conflict = objectError(
  409,
  'Conflict',
  (s) =>
    `Operation cannot be fulfilled on ${s}: the object has been modified; please apply your changes to the latest version and try again`
)

/** 422 Invalid with `details.causes`. */
export function invalid(
  kind: string,
  group: string,
  name: string,
  causes: Array<{ field: string; message: string; reason?: string }>
): ApiError {
  const text = causes.map((c) => `${c.field}: ${c.message}`).join(', ')
  return new ApiError(
    422,
    'Invalid',
    `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${text}`,
    {
      name,
      group,
      kind,
      causes: causes.map((c) => ({
        reason: c.reason ?? 'FieldValueInvalid',
        message: c.message,
        field: c.field
      }))
    }
  )
}

/** 400 BadRequest. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message)
}

/** 410 Expired (too old resource version / continue token). */
export function expired(message: string): ApiError {
  return new ApiError(410, 'Expired', message)
}

/** 401 Unauthorized. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized')
}
