import { existsSync } from 'node:fs'
import { arch } from 'node:os'
import { join } from 'node:path'

/** Where Debian installs the preload library of the `libnss-wrapper` package (cwrap.org nss_wrapper). */
const NSS_WRAPPER_DIRS = [
  `/usr/lib/${arch() === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`,
  '/usr/lib64',
  '/usr/lib'
]

/**
 * The environment that gives a workflow step's processes the sandbox's DNS, as a runner in a network with Azure's
 * private DNS zone for `*.postgres.database.azure.com` has it: nss_wrapper (https://cwrap.org/nss_wrapper.html)
 * preloaded, reading `NSS_WRAPPER_HOSTS` (the sandbox's hosts file, kept current by the ARM emulator as servers are
 * restored and deleted) for every `getaddrinfo` — psql, Node and any other client resolve the servers' FQDNs
 * unchanged and TLS still checks the host name. Nothing on the machine (such as /etc/hosts) is changed.
 *
 * @param hostsFile the sandbox's hosts file (`SANDBOX_POSTGRES_HOSTS` in sandbox.env); empty: no database services,
 *   so nothing to resolve and `{}` is returned.
 * @throws Error when the hosts file is given but libnss_wrapper.so is not installed (Debian package libnss-wrapper,
 *   which `scripts/toolchain.sh` installs).
 */
export function runnerNetworkEnv(
  hostsFile: string | undefined
): Record<string, string> {
  if (!hostsFile) return {}
  const library = NSS_WRAPPER_DIRS.map((dir) =>
    join(dir, 'libnss_wrapper.so')
  ).find((path) => existsSync(path))
  if (!library)
    throw new Error(
      'libnss_wrapper.so is not installed: workflow steps could not resolve the sandbox database servers. Install the Debian package libnss-wrapper (bash scripts/toolchain.sh does).'
    )
  return { LD_PRELOAD: library, NSS_WRAPPER_HOSTS: hostsFile }
}
