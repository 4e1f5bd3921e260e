import {
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject
} from 'node:crypto'

/** JWS algorithms the sandbox signs with (RFC 7518 §3.3 RS256, §3.4 ES256). */
export type JwtAlgorithm = 'RS256' | 'ES256'

/** A signing key pair with its public JWK (RFC 7517), `kid` and `alg` set. */
export interface SigningKey {
  alg: JwtAlgorithm
  kid: string
  privateKey: KeyObject
  publicJwk: JsonWebKey & { kid: string; alg: JwtAlgorithm; use: 'sig' }
}

/** A decoded (not verified) compact JWS. */
export interface DecodedJwt {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  signingInput: string
  signature: Buffer
}

/** Generates an RSA-2048 (RS256) or P-256 (ES256) key pair for signing JWTs. */
export function generateSigningKey(alg: JwtAlgorithm = 'RS256'): SigningKey {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const kid = randomUUID()
  return {
    alg,
    kid,
    privateKey,
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' }
  }
}

function b64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url')
}

/** Signs `payload` as a compact JWS (`typ: JWT`) with `key`. */
export function signJwt(payload: object, key: SigningKey): string {
  const header = { alg: key.alg, typ: 'JWT', kid: key.kid }
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`
  const signature =
    key.alg === 'RS256'
      ? sign('sha256', Buffer.from(input), key.privateKey)
      : sign('sha256', Buffer.from(input), {
          key: key.privateKey,
          dsaEncoding: 'ieee-p1363'
        })
  return `${input}.${b64url(signature)}`
}

/** Splits and decodes a compact JWS without checking its signature; `undefined` when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const [h, p, s] = parts as [string, string, string]
  try {
    const header = JSON.parse(
      Buffer.from(h, 'base64url').toString('utf8')
    ) as unknown
    const payload = JSON.parse(
      Buffer.from(p, 'base64url').toString('utf8')
    ) as unknown
    if (
      typeof header !== 'object' ||
      header === null ||
      typeof payload !== 'object' ||
      payload === null
    ) {
      return undefined
    }
    return {
      header: header as Record<string, unknown>,
      payload: payload as Record<string, unknown>,
      signingInput: `${h}.${p}`,
      signature: Buffer.from(s, 'base64url')
    }
  } catch {
    return undefined
  }
}

/**
 * Checks the signature of a decoded JWS against a set of public JWKs (matched by `kid`, else every key).
 * @returns true when one key of the set verifies it with the header's `alg` (RS256 or ES256 only).
 */
export function verifyJwtSignature(
  jwt: DecodedJwt,
  keys: readonly JsonWebKey[]
): boolean {
  const alg = jwt.header.alg
  if (alg !== 'RS256' && alg !== 'ES256') return false
  const kid = jwt.header.kid
  const candidates = keys.filter(
    (k) => kid === undefined || (k as { kid?: unknown }).kid === kid
  )
  return candidates.some((jwk) => {
    try {
      const key = createPublicKey({ key: jwk, format: 'jwk' })
      return alg === 'RS256'
        ? verify('sha256', Buffer.from(jwt.signingInput), key, jwt.signature)
        : verify(
            'sha256',
            Buffer.from(jwt.signingInput),
            { key, dsaEncoding: 'ieee-p1363' },
            jwt.signature
          )
    } catch {
      return false
    }
  })
}
