// Properties whose values are read or made on first use: a run pays only for what it touches.

/**
 * A function that gives a target the properties `keys` as getters that compute `valueOf(target, key)`
 * on first use and then become plain values: whoever reads them sees an ordinary object. The getters
 * are made once and shared by every target, so that targets alike keep one shape: V8 gives each object
 * whose getters are its own a shape of its own, and code that reads many such objects (the items of a
 * methodology, in every rule of every plan) slows down.
 */
export function lazyProperties<T extends object>(
  keys: readonly string[],
  valueOf: (target: T, key: string) => unknown,
): (target: T) => void {
  const getters = keys.map((key) => ({
    key,
    get(this: T): unknown {
      const value = valueOf(this, key);
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  }));
  return (target) => {
    for (const { key, get } of getters) Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
  };
}

/** lazyProperties for one target. */
export function defineLazy(target: object, keys: readonly string[], valueOf: (key: string) => unknown): void {
  lazyProperties(keys, (_target, key) => valueOf(key))(target);
}
