import https from 'node:https'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  AppConfigurationClient,
  featureFlagContentType,
  featureFlagPrefix,
  parseFeatureFlag
} from '@azure/app-configuration'
import { createAzureCredential } from '@rollback-actions/azure'
import {
  startAppConfigurationSandbox,
  type AppConfigurationSandbox
} from '@rollback-actions/sandbox'

let sb: AppConfigurationSandbox
let client: AppConfigurationClient
let clock = Date.now()
const DAY = 86_400_000

const clientFor = (clientId: string) =>
  new AppConfigurationClient(
    sb.store.url,
    createAzureCredential(
      {
        clientId,
        tenantId: sb.tenantId,
        getAssertion: () =>
          Promise.resolve(sb.oidc.mint('api://AzureADTokenExchange'))
      },
      sb.env
    ),
    { retryOptions: { maxRetries: 2, retryDelayInMs: 10 } }
  )

beforeAll(async () => {
  sb = await startAppConfigurationSandbox({
    now: () => clock,
    seed: [
      {
        key: 'app/old',
        value: 'forty days old',
        lastModified: new Date(Date.now() - 40 * DAY)
      }
    ]
  })
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), sb.caPem])
  client = clientFor(sb.clientId)
})
afterAll(async () => {
  await sb?.close()
})

describe('App Configuration emulator as @azure/app-configuration calls it', () => {
  it('serves key-values over TLS to an Entra bearer token for the appconfig audience', async () => {
    const set = await client.setConfigurationSetting({
      key: 'app/db:url',
      label: 'prod',
      value: 'postgres://db-1'
    })
    expect(set.etag).toBeTruthy()
    const got = await client.getConfigurationSetting({
      key: 'app/db:url',
      label: 'prod'
    })
    expect(got.value).toBe('postgres://db-1')
    expect(got.etag).toBe(set.etag)
    const token = sb.log
      .of('entra')
      .find((e) => e.path.includes('/oauth2/v2.0/token'))
    expect(token?.status).toBe(200)
    // the key arrives as one path segment with %2F and %3A
    expect(
      sb.log
        .of('app-configuration')
        .some((e) => e.path.startsWith('/kv/app%2Fdb%3Aurl?'))
    ).toBe(true)
  })

  it('answers 401 with the HMAC and Bearer challenge when no credential is sent', async () => {
    const status = await new Promise<{ code?: number; challenge?: string }>(
      (resolve, reject) =>
        https
          .get(`${sb.store.url}/kv?api-version=2023-11-01`, (res) => {
            res.resume()
            resolve({
              code: res.statusCode,
              challenge: res.headers['www-authenticate']
            })
          })
          .on('error', reject)
    )
    expect(status).toEqual({ code: 401, challenge: 'HMAC-SHA256, Bearer' })
  })

  it('keeps labels apart and treats an absent label as the key-value without label', async () => {
    await client.setConfigurationSetting({ key: 'app/color', value: 'blue' })
    await client.setConfigurationSetting({
      key: 'app/color',
      label: 'prod',
      value: 'red'
    })
    expect(
      (await client.getConfigurationSetting({ key: 'app/color' })).value
    ).toBe('blue')
    const noLabel: string[] = []
    for await (const s of client.listConfigurationSettings({
      keyFilter: 'app/color',
      labelFilter: '\0'
    }))
      noLabel.push(`${s.key}|${String(s.label)}|${String(s.value)}`)
    expect(noLabel).toEqual(['app/color|undefined|blue'])
  })

  it('round-trips a feature flag with its content type and percentage filter', async () => {
    await client.setConfigurationSetting({
      key: `${featureFlagPrefix}Beta`,
      label: 'prod',
      contentType: featureFlagContentType,
      value: {
        id: 'Beta',
        enabled: true,
        conditions: {
          clientFilters: [
            { name: 'Microsoft.Percentage', parameters: { Value: 50 } }
          ]
        }
      }
    })
    const got = await client.getConfigurationSetting({
      key: `${featureFlagPrefix}Beta`,
      label: 'prod'
    })
    expect(got.contentType).toBe(featureFlagContentType)
    const flag = parseFeatureFlag(got)
    expect(flag.value.enabled).toBe(true)
    expect(flag.value.conditions.clientFilters[0]?.parameters).toEqual({
      Value: 50
    })
  })

  it('refuses a write with a stale ETag (412) and accepts the current one', async () => {
    const first = await client.setConfigurationSetting({
      key: 'app/etag',
      value: 'a'
    })
    await client.setConfigurationSetting({ key: 'app/etag', value: 'b' })
    await expect(
      client.setConfigurationSetting(
        { ...first, value: 'c' },
        { onlyIfUnchanged: true }
      )
    ).rejects.toMatchObject({ statusCode: 412 })
    const now = await client.getConfigurationSetting({ key: 'app/etag' })
    const ok = await client.setConfigurationSetting(
      { ...now, value: 'c' },
      { onlyIfUnchanged: true }
    )
    expect(ok.value).toBe('c')
    expect(
      (
        await client.getConfigurationSetting(
          { key: 'app/etag', etag: ok.etag },
          { onlyIfChanged: true }
        )
      ).statusCode
    ).toBe(304)
  })

  it('reads the store as it was at a point in time and lists revisions newest first', async () => {
    clock = Date.now() + 1000
    await client.setConfigurationSetting({ key: 'app/pit', value: 'v1' })
    const between = new Date(clock + 500)
    clock += 1000
    await client.setConfigurationSetting({ key: 'app/pit', value: 'v2' })
    clock += 1000
    await client.deleteConfigurationSetting({ key: 'app/pit' })
    await expect(
      client.getConfigurationSetting({ key: 'app/pit' })
    ).rejects.toMatchObject({ statusCode: 404 })
    const past = await client.getConfigurationSetting(
      { key: 'app/pit' },
      { acceptDateTime: between }
    )
    expect(past.value).toBe('v1')
    const listed: string[] = []
    for await (const s of client.listConfigurationSettings({
      keyFilter: 'app/pit',
      acceptDateTime: between
    }))
      listed.push(String(s.value))
    expect(listed).toEqual(['v1'])
    const revisions: string[] = []
    for await (const r of client.listRevisions({ keyFilter: 'app/pit' }))
      revisions.push(String(r.value))
    expect(revisions).toEqual(['v2', 'v2', 'v1'])
  })

  it('returns nothing before the revision retention window, while the state inside it is whole', async () => {
    const tooOld = new Date(clock - 31 * DAY)
    const items: string[] = []
    for await (const s of client.listConfigurationSettings({
      keyFilter: 'app/old',
      acceptDateTime: tooOld
    }))
      items.push(s.key)
    expect(items).toEqual([])
    const inside = await client.getConfigurationSetting(
      { key: 'app/old' },
      { acceptDateTime: new Date(clock - 20 * DAY) }
    )
    expect(inside.value).toBe('forty days old')
  })

  it('pages lists of more than 100 items by @nextLink', async () => {
    for (let i = 0; i < 130; i++)
      sb.store.set({ key: `page/${String(i).padStart(3, '0')}`, value: `${i}` })
    let count = 0
    for await (const s of client.listConfigurationSettings({
      keyFilter: 'page/*'
    })) {
      expect(s.key.startsWith('page/')).toBe(true)
      count++
    }
    expect(count).toBe(130)
  })

  it('refuses a locked key-value with 409', async () => {
    await client.setConfigurationSetting({ key: 'app/locked', value: 'x' })
    await client.setReadOnly({ key: 'app/locked' }, true)
    await expect(
      client.setConfigurationSetting({ key: 'app/locked', value: 'y' })
    ).rejects.toMatchObject({ statusCode: 409 })
    await client.setReadOnly({ key: 'app/locked' }, false)
  })

  it('answers 403 to a write by a caller holding only App Configuration Data Reader', async () => {
    const reader = clientFor(sb.readerClientId)
    expect(
      (await reader.getConfigurationSetting({ key: 'app/color' })).value
    ).toBe('blue')
    await expect(
      reader.setConfigurationSetting({ key: 'app/color', value: 'green' })
    ).rejects.toMatchObject({ statusCode: 403 })
  })

  it('throttles with 429 and retry-after-ms, which the SDK waits out', async () => {
    sb.store.faults.inject({
      kind: 'throttle',
      on: 'get',
      retryAfterSeconds: 0.05
    })
    const mark = sb.log.mark()
    const got = await client.getConfigurationSetting({ key: 'app/color' })
    expect(got.value).toBe('blue')
    expect(sb.log.of('app-configuration', mark).map((e) => e.status)).toEqual([
      429, 200
    ])
  })

  it('verifies HMAC-SHA256 signed requests from a connection-string client', async () => {
    const hmac = new AppConfigurationClient(
      sb.store.connectionString('sandbox-rw')
    )
    await hmac.setConfigurationSetting({ key: 'app/hmac', value: 'signed' })
    expect(sb.store.get('app/hmac')?.value).toBe('signed')
    const forged = new AppConfigurationClient(
      `Endpoint=${sb.store.url};Id=sandbox-rw;Secret=${Buffer.from('wrong').toString('base64')}`,
      { retryOptions: { maxRetries: 0 } }
    )
    await expect(
      forged.getConfigurationSetting({ key: 'app/hmac' })
    ).rejects.toMatchObject({ statusCode: 401 })
  })

  it('refuses an unknown api-version', async () => {
    const old = new AppConfigurationClient(
      sb.store.url,
      createAzureCredential(
        {
          clientId: sb.clientId,
          tenantId: sb.tenantId,
          getAssertion: () =>
            Promise.resolve(sb.oidc.mint('api://AzureADTokenExchange'))
        },
        sb.env
      ),
      { apiVersion: '2019-01-01' }
    )
    await expect(
      old.getConfigurationSetting({ key: 'app/color' })
    ).rejects.toMatchObject({ statusCode: 400 })
  })
})
