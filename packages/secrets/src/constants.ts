/** Shared names of the secret-swap package. */
export const SWAP = {
  /** Key Vault tag on a version written by secret-swap: the version it replaced (for swap-back). */
  previousVersionTag: 'rollback-actions-previous-version',
  /** Key Vault tag on a version written by swap-back: a re-run of swap-back finds it and writes nothing. */
  swappedBackTag: 'rollback-actions-swapped-back',
  /** Kubernetes Secret key suffix holding the replaced value, retrievable with kubectl. */
  previousKeySuffix: '.previous',
  /** Kubernetes Secret key suffix holding the value swap-back took out (the restored server's), kept for audit. */
  swappedOutKeySuffix: '.swapped-out',
  /**
   * Annotation on a Kubernetes Secret: `true` while a swap is in effect (set by swap, `false` after swap-back). A
   * second swap during one incident keeps `<key>.previous` (the pre-incident value) instead of overwriting it.
   */
  swapInEffectAnnotation: 'rollback-actions/swap-in-effect',
  /** Annotation recording when and by whom the Secret was swapped (no value). */
  swappedAtAnnotation: 'rollback-actions/swapped-at',
  /** Key Vault data-plane token scope. */
  keyVaultScope: 'https://vault.azure.net/.default'
} as const
