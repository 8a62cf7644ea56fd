/**
 * The value under `key`, made by `make` and stored first when there is none: the proposed
 * `Map.prototype.getOrInsertComputed`, which Node 24 does not have yet.
 */
export function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V;
export function entryOf<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V;
export function entryOf<K extends object, V>(map: Map<K, V> | WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
