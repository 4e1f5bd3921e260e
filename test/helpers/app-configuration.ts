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
