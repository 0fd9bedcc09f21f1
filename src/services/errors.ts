/** True when a write lost a race to a unique index (E11000), the way we detect conflicts. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 11000;
}
