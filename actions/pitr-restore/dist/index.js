import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);

// rollback-loader:pitr-restore-index
import { enableCompileCache } from "node:module";
import { join } from "node:path";
var runnerTemp = process.env.RUNNER_TEMP;
enableCompileCache(runnerTemp ? join(runnerTemp, "node-compile-cache") : void 0);
await import("../../dist/pitr-restore-index-IRUJ6L26.js");
