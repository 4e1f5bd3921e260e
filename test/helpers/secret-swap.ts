/**
 * The required inputs of secret-swap's `kubernetes-secret` target: Secret prod/product-service-db pointed at
 * database `app` on 127.0.0.1:6543 as pgadmin, then deployment prod/product-service restarted.
 * @param password the `password` input.
 * @returns the inputs, by input name.
 */
export const kubernetesSecretInputs = (password: string) => ({
  target: 'kubernetes-secret',
  'secret-name': 'product-service-db',
  namespace: 'prod',
  'server-fqdn': '127.0.0.1:6543',
  database: 'app',
  username: 'pgadmin',
  password,
  deployments: 'prod/product-service'
})
