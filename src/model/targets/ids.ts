// Readable, deterministic ids ("target-7") so pure functions stay repeatable in tests and undo.

/** `${prefix}-${n}` with n one above the highest number already used with that prefix. */
export function nextId(prefix: string, existingIds: Iterable<string>): string {
  let highest = 0;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  for (const id of existingIds) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}-${highest + 1}`;
}
