// @rollback-actions/drill: the workflow engine (runs workflow files and bundled actions as the runner does),
// the drill (rollback-drill.yml against the sandbox), the report, and `npm run drill`.
export * from './drill.js'
export * from './report.js'
export * from './engine/run-action.js'
export * from './engine/workflow.js'
export * from './engine/execute.js'
export * from './scenarios/infrastructure.js'
export * from './engine/third-party.js'
export * from './scenarios/sandbox-run.js'
export * from './scenarios/alert.js'
