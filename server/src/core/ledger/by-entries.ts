import type { LedgerEntry } from './types.js';

/**
 * `build` over a ledger's entries, remembered: by the list itself (asked again on every keystroke,
 * found without comparing entries — a list is only appended to while its project loads, so its
 * length tells), and by its first entry for another list of the same entries in the same order
 * (each folder's project lists a shared ledger's entries anew).
 */
export function rememberedByEntries<T>(build: (entries: readonly LedgerEntry[]) => T): (list: readonly LedgerEntry[]) => T {
  const byList = new WeakMap<readonly LedgerEntry[], { length: number; value: T }>();
  const byFirst = new WeakMap<LedgerEntry, { entries: LedgerEntry[]; value: T }>();
  return (list) => {
    const known = byList.get(list);
    if (known && known.length === list.length) return known.value;
    const hit = byFirst.get(list[0]);
    let value: T;
    if (hit && hit.entries.length === list.length && hit.entries.every((e, i) => e === list[i])) value = hit.value;
    else {
      value = build(list);
      byFirst.set(list[0], { entries: [...list], value });
    }
    byList.set(list, { length: list.length, value });
    return value;
  };
}
