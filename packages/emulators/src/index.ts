// @rollback-actions/emulators: wire-level emulators of the services no real server can stand in for here
// (Kubernetes API, ACR/OCI, ARM PostgreSQL Flexible Server, Entra ID, GitHub OIDC, Key Vault, GitHub REST),
// each startable alone, and the TLS/HTTP plumbing they share. docs/emulators.md names the reference each follows.
export * from './http/server.js'
export * from './http/tls.js'
export * from './http/ports.js'
export * from './kubernetes/index.js'
export * from './acr/index.js'
export * from './acr/oci-image.js'
export * from './acr/docker-registry.js'
export * from './postgresql-flexible/index.js'
export * from './postgresql-flexible/cluster.js'
export * from './entra/index.js'
export * from './github-oidc/index.js'
export * from './github-oidc/jwt.js'
export * from './key-vault/index.js'
export * from './github-rest/index.js'
