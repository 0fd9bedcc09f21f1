/** True when a write lost a race to a unique index (E11000), the way we detect conflicts. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 11000;
}

/**
 * Claims by a unique insert: true when this call stored the document, false when a document with the
 * same unique key was there already (a retry, or another process first). Other errors are thrown.
 */
export async function insertOnce<D>(model: { create(doc: D): Promise<unknown> }, doc: D): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
