/**
 * `fn` computed once per argument object, kept for as long as the object lives. For results
 * derived from objects that are never mutated once made: the read cache's lists and rows
 * (db/queries/read-cache.ts), which many views share.
 */
export function memoizeByObject<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = fn(key)));
    return value;
  };
}
