import { createServer } from 'node:net'

/**
 * Asks the OS for a free loopback port: binds port 0 on 127.0.0.1, reads the port, releases it. The caller's
 * server (docker-registry, PostgreSQL, Prometheus) binds it right after; see docs of `net.Server.listen` (port 0
 * means an arbitrary unused port) at https://nodejs.org/api/net.html#serverlisten.
 * @returns the port number.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
