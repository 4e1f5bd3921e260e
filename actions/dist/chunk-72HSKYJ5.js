import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  isObjectWithProperties
} from "./chunk-RHQTSG7L.js";

// node_modules/@azure/core-auth/dist/esm/tokenCredential.js
function isTokenCredential(credential) {
  const castCredential = credential;
  return castCredential && typeof castCredential.getToken === "function" && (castCredential.signRequest === void 0 || castCredential.getToken.length > 0);
}

// node_modules/@azure/core-auth/dist/esm/keyCredential.js
function isKeyCredential(credential) {
  return isObjectWithProperties(credential, ["key"]) && typeof credential.key === "string";
}

export {
  isKeyCredential,
  isTokenCredential
};
