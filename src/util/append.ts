/**
 * Appends `items` to `target` one by one. A spread `push(...items)` passes every item as
 * an argument, and a list of a hundred thousand (the lines of a 5 MB paragraph, the
 * diagnostics of a large file) overflows the stack.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}
