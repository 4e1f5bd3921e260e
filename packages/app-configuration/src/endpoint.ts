import { CONNECTION_STRING } from './constants.js'

/**
 * Checks a store endpoint: an https URL with a host and nothing else (`https://<store>.azconfig.io`); Entra tokens are
 * only sent over TLS (@azure/core-rest-pipeline bearerTokenAuthenticationPolicy).
 * @returns the endpoint without a trailing slash.
 * @throws Error (message without the input name and, for a connection string, without the value).
 */
export function parseStoreEndpoint(text: string): string {
  const v = text.trim()
  if (CONNECTION_STRING.test(v))
    throw new Error(
      'is a connection string, which carries an access key; give only the endpoint (https://<store>.azconfig.io), sign in with client-id/tenant-id (GitHub OIDC), and rotate that access key if it was exposed'
    )
  let url: URL
  try {
    url = new URL(v)
  } catch {
    throw new Error('is not a URL; use https://<store>.azconfig.io')
  }
  if (url.protocol !== 'https:')
    throw new Error('must use https (Entra tokens are only sent over TLS)')
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    throw new Error('must be the store endpoint only, without a path or query')
  if (url.username || url.password)
    throw new Error('must not carry credentials')
  return `${url.protocol}//${url.host}`
}
