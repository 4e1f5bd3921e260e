import type { AppConfigurationEmulator } from '@rollback-actions/emulators'

const DAY = 86_400_000

/**
 * A key-value for the App Configuration emulator's seed, last modified `daysAgo` days before now.
 * @param key the key.
 * @param value the value.
 * @param daysAgo how many days ago it was written.
 * @param label the label (default `prod`).
 * @returns the seed entry.
 */
export const keyValueDaysAgo = (
  key: string,
  value: string,
  daysAgo: number,
  label = 'prod'
) => ({
  key,
  label,
  value,
  lastModified: new Date(Date.now() - daysAgo * DAY)
})

/**
 * Makes the App Configuration emulator answer 503 with `Retry-After` 10 ms to its next `times` reads.
 * @param store the emulator.
 * @param times how many reads fail.
 */
export const storeUnavailable = (
  store: AppConfigurationEmulator,
  times: number
) =>
  store.faults.inject({
    kind: 'http-error',
    status: 503,
    on: 'get',
    times,
    retryAfterSeconds: 0.01
  })

/**
 * Makes the App Configuration emulator answer 429 with `retry-after-ms` 50 to its next `on` request.
 * @param store the emulator.
 * @param on which requests: `get` or `put`.
 */
export const storeThrottled = (
  store: AppConfigurationEmulator,
  on: 'get' | 'put'
) => store.faults.inject({ kind: 'throttle', on, retryAfterSeconds: 0.05 })
