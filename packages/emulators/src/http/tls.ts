import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(webcrypto as unknown as Crypto)

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }

/** A PEM certificate and its PKCS#8 private key. */
export interface KeyPairPem {
  certPem: string
  keyPem: string
}

/** A certificate authority generated at sandbox start; nothing is written to disk by it. */
export interface CertificateAuthority {
  /** The CA certificate (PEM): what `NODE_EXTRA_CA_CERTS` and kubeconfig's `certificate-authority-data` carry. */
  caPem: string
  /**
   * Issues a server certificate for the given host names and IP addresses (SANs), valid for 7 days.
   * @param hosts e.g. `['localhost', '127.0.0.1']`; IPv4/IPv6 literals become IP SANs, the rest DNS SANs.
   */
  issue(hosts: string[]): Promise<KeyPairPem>
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key)
  return x509.PemConverter.encode(der, 'PRIVATE KEY')
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(12))).toString(
    'hex'
  )
}

/**
 * Creates an ECDSA P-256 certificate authority (RFC 5280 basicConstraints CA:true, keyCertSign).
 * Go's crypto/tls (kubectl), Node's tls and OpenSSL all accept the certificates it issues.
 */
export async function createCertificateAuthority(
  commonName = 'rollback-actions sandbox CA'
): Promise<CertificateAuthority> {
  const caKeys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify'
  ])) as CryptoKeyPair
  const now = Date.now()
  const notBefore = new Date(now - 60_000)
  const notAfter = new Date(now + 7 * 86_400_000)
  const caName = `CN=${commonName}`
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: caName,
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey)
    ]
  })
  return {
    caPem: caCert.toString('pem'),
    async issue(hosts: string[]): Promise<KeyPairPem> {
      const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
        'sign',
        'verify'
      ])) as CryptoKeyPair
      const names = hosts.map((h) =>
        /^[0-9.]+$|:/.test(h)
          ? { type: 'ip' as const, value: h }
          : { type: 'dns' as const, value: h }
      )
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: `CN=${hosts[0] ?? 'localhost'}`,
        issuer: caCert.subject,
        notBefore,
        notAfter,
        signingAlgorithm: algorithm,
        publicKey: keys.publicKey,
        signingKey: caKeys.privateKey,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(
            x509.KeyUsageFlags.digitalSignature |
              x509.KeyUsageFlags.keyEncipherment,
            true
          ),
          new x509.ExtendedKeyUsageExtension([
            x509.ExtendedKeyUsage.serverAuth
          ]),
          new x509.SubjectAlternativeNameExtension(names),
          await x509.AuthorityKeyIdentifierExtension.create(caCert)
        ]
      })
      return {
        certPem: cert.toString('pem'),
        keyPem: await exportKeyPem(keys.privateKey)
      }
    }
  }
}
