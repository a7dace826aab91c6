/**
 * Memory for large working arrays, kept from one call to the next (each role's largest, up to
 * 8 MB): a book of 100,000 fills has megabytes of columns, and memory fresh from the system costs
 * more to touch than the work on it (Excel recalculates LEDGER on every change of its tables; an
 * import may be read twice). A caller borrows memory for a role, works in it — it holds what the
 * last user left: the caller writes before it reads — and returns it when done.
 */
const spare = new Map<string, ArrayBuffer>();

export function borrowMemory(role: string, bytes: number): ArrayBuffer {
  const kept = spare.get(role);
  if (kept === undefined || kept.byteLength < bytes) return new ArrayBuffer(bytes);
  spare.delete(role);
  return kept;
}

export function returnMemory(role: string, memory: ArrayBufferLike): void {
  const kept = spare.get(role);
  if (memory instanceof ArrayBuffer && memory.byteLength <= 8 * 2 ** 20 && (!kept || kept.byteLength < memory.byteLength))
    spare.set(role, memory);
}
