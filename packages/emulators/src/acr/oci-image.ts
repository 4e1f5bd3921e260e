import { createHash } from 'node:crypto'

/** OCI media types (opencontainers/image-spec `media-types.md`). */
export const OCI_MEDIA_TYPES = {
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  index: 'application/vnd.oci.image.index.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layerTar: 'application/vnd.oci.image.layer.v1.tar'
} as const

/** `sha256:<hex>` of `bytes` (the OCI digest of content). */
export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** One generated single-platform image: manifest, config and layer, each with the digest of its exact bytes. */
export interface GeneratedImage {
  manifest: Buffer
  manifestDigest: string
  mediaType: typeof OCI_MEDIA_TYPES.manifest
  config: Buffer
  configDigest: string
  layer: Buffer
  layerDigest: string
  /** Build time written into the config's `created` (UTC). */
  created: Date
}

export interface GenerateImageOptions {
  /** Makes the image unique: two images with the same seed and `created` are byte-identical. */
  seed: string
  created: Date
  /** Also put `org.opencontainers.image.created` in the manifest annotations (default true). */
  annotateCreated?: boolean
  /** Config labels, e.g. `{ 'org.opencontainers.image.version': 'v1.2.0' }`. */
  labels?: Record<string, string>
}

function tarHeaderField(
  header: Buffer,
  offset: number,
  length: number,
  value: string
) {
  header.write(value, offset, length, 'ascii')
}

/** A POSIX ustar archive holding one regular file (deterministic: mode 0644, uid/gid 0, mtime 0). */
export function singleFileTar(name: string, content: Buffer | string): Buffer {
  const data = Buffer.from(content)
  const header = Buffer.alloc(512, 0)
  tarHeaderField(header, 0, 100, name)
  tarHeaderField(header, 100, 8, '0000644\0')
  tarHeaderField(header, 108, 8, '0000000\0')
  tarHeaderField(header, 116, 8, '0000000\0')
  tarHeaderField(
    header,
    124,
    12,
    `${data.length.toString(8).padStart(11, '0')}\0`
  )
  tarHeaderField(header, 136, 12, '00000000000\0')
  tarHeaderField(header, 148, 8, '        ')
  tarHeaderField(header, 156, 1, '0')
  tarHeaderField(header, 257, 6, 'ustar\0')
  tarHeaderField(header, 263, 2, '00')
  let sum = 0
  for (const byte of header) sum += byte
  tarHeaderField(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `)
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512, 0)
  data.copy(padded)
  return Buffer.concat([header, padded, Buffer.alloc(1024, 0)])
}

/**
 * Generates a small, valid, deterministic OCI image (image-spec v1.1: `manifest.md`, `config.md`): one
 * uncompressed tar layer holding `/etc/image-seed`, a linux/amd64 config whose `created` is `created`, and the
 * manifest referencing both. The manifest digest is the sha256 of the returned manifest bytes.
 */
export function generateImage(options: GenerateImageOptions): GeneratedImage {
  const created = options.created.toISOString()
  const layer = singleFileTar('etc/image-seed', `${options.seed}\n`)
  const layerDigest = sha256Digest(layer)
  const config = Buffer.from(
    JSON.stringify({
      created,
      architecture: 'amd64',
      os: 'linux',
      config: {
        Labels: options.labels ?? {},
        Entrypoint: ['/bin/app']
      },
      rootfs: { type: 'layers', diff_ids: [layerDigest] },
      history: [{ created, created_by: `sandbox image ${options.seed}` }]
    })
  )
  const configDigest = sha256Digest(config)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MEDIA_TYPES.manifest,
      config: {
        mediaType: OCI_MEDIA_TYPES.config,
        digest: configDigest,
        size: config.length
      },
      layers: [
        {
          mediaType: OCI_MEDIA_TYPES.layerTar,
          digest: layerDigest,
          size: layer.length
        }
      ],
      ...(options.annotateCreated === false
        ? {}
        : { annotations: { 'org.opencontainers.image.created': created } })
    })
  )
  return {
    manifest,
    manifestDigest: sha256Digest(manifest),
    mediaType: OCI_MEDIA_TYPES.manifest,
    config,
    configDigest,
    layer,
    layerDigest,
    created: options.created
  }
}

async function expectStatus(
  response: Response,
  expected: number[],
  what: string
) {
  if (!expected.includes(response.status)) {
    const text = await response.text().catch(() => '')
    throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 200)}`)
  }
}

/**
 * Pushes a generated image to a distribution-spec registry (docker-registry, zot, ...) and tags it:
 * monolithic blob uploads (`POST /v2/<name>/blobs/uploads/` then `PUT <location>?digest=`) and
 * `PUT /v2/<name>/manifests/<tag>`. No authentication (a local test registry).
 * @param baseUrl e.g. `http://127.0.0.1:5000`
 * @throws Error naming the step and status when the registry refuses.
 */
export async function pushImage(
  baseUrl: string,
  repository: string,
  tag: string,
  image: GeneratedImage
): Promise<void> {
  for (const [digest, bytes] of [
    [image.layerDigest, image.layer],
    [image.configDigest, image.config]
  ] as const) {
    const head = await fetch(`${baseUrl}/v2/${repository}/blobs/${digest}`, {
      method: 'HEAD'
    })
    if (head.status === 200) continue
    const start = await fetch(`${baseUrl}/v2/${repository}/blobs/uploads/`, {
      method: 'POST'
    })
    await expectStatus(start, [202], `start upload of ${digest}`)
    const location = new URL(start.headers.get('location') ?? '', baseUrl)
    location.searchParams.set('digest', digest)
    const put = await fetch(location, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes)
    })
    await expectStatus(put, [201], `upload of ${digest}`)
  }
  const put = await fetch(`${baseUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'content-type': image.mediaType },
    body: new Uint8Array(image.manifest)
  })
  await expectStatus(put, [201], `manifest ${repository}:${tag}`)
}
