export { startSandbox, writeEnvFile, AZURE_OIDC_AUDIENCE } from './sandbox.js'
export type { Sandbox, SandboxOptions } from './sandbox.js'
export {
  loadScenario,
  resolveScenarioTime,
  DEFAULT_SCENARIO_PATH,
  Scenario
} from './scenario.js'
export type { ScenarioDeployment, ScenarioTag } from './scenario.js'
export {
  runAction,
  parseGithubOutput,
  inputVariable,
  actionInputDefaults,
  REPO_ROOT
} from './run-action.js'
export type { ActionRun, RunActionOptions } from './run-action.js'
export { RequestLog, startServer, readBody, sendJson } from './server.js'
export type { RecordedRequest, RunningServer } from './server.js'
export { createCertificateAuthority } from './tls.js'
export type { CertificateAuthority, KeyPairPem } from './tls.js'
export { runDrill, SCENARIOS } from './drill/drill.js'
export type { ScenarioName } from './drill/drill.js'
export { startKubernetesEmulator, fakeRuntime } from './kube/index.js'
export type {
  KubernetesEmulator,
  ContainerRuntime,
  ContainerHandle,
  ContainerStartSpec,
  SeedDeploymentSpec,
  KubeObject
} from './kube/index.js'
