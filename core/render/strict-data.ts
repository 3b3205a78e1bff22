import { didYouMean } from '../util/did-you-mean';

/**
 * Strict view models. Handlebars' `strict` mode catches `{{titel}}` but not a misspelt field
 * in a helper argument or a condition (`{{percent titel}}`, `{{#if titel}}`), which would
 * silently print nothing or drop a section. Wrapping the view model in proxies that throw on
 * reading a field that does not exist closes that gap: view models always carry every field
 * (missing values are `null`), so only a typo can read an absent one.
 */

/** Thrown when a template reads a field its view model does not have. */
export class UnknownFieldError extends Error {
  override readonly name = 'UnknownFieldError';
  constructor(
    readonly field: string,
    readonly available: readonly string[],
  ) {
    const hint = closestField(field, available);
    super(`unknown field "${field}"${hint ? ` (did you mean "${hint}"?)` : ''}; fields here: ${available.join(', ') || 'none'}`);
  }
}

/** `didYouMean`, plus one swap of neighbouring letters (`titel` → `title`), the commonest typo. */
export function closestField(field: string, candidates: readonly string[]): string | undefined {
  const close = didYouMean(field, candidates);
  if (close !== undefined) return close;
  for (let i = 0; i + 1 < field.length; i++) {
    const swapped = field.slice(0, i) + field[i + 1] + field[i] + field.slice(i + 2);
    if (candidates.includes(swapped)) return swapped;
  }
  return undefined;
}

const targets = new WeakMap<object, object>();

/** Records the last `in` check that failed, so Handlebars' own strict error can get a hint. */
export interface MissTracker {
  last?: { field: string; available: string[] };
}

function isPlain(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function availableKeys(target: object): string[] {
  return Array.isArray(target) ? ['length', '0…' + (target.length - 1)] : Object.keys(target).sort();
}

/** `value` behind a proxy that throws {@link UnknownFieldError} on reading an absent field. */
export function strictData<T>(value: T, misses: MissTracker = {}): T {
  if (!isPlain(value)) return value;
  const cache = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (!isPlain(v)) return v;
    let proxy = cache.get(v);
    if (!proxy) {
      proxy = new Proxy(v, {
        get(target, key, receiver) {
          if (typeof key === 'symbol' || key in target) return wrap(Reflect.get(target, key, receiver));
          throw new UnknownFieldError(key, availableKeys(target));
        },
        has(target, key) {
          const found = key in target;
          if (!found && typeof key === 'string') misses.last = { field: key, available: availableKeys(target) };
          return found;
        },
      });
      cache.set(v, proxy);
      targets.set(proxy, v);
    }
    return proxy;
  };
  return wrap(value) as T;
}

/** The plain object behind a strict proxy (or `value` itself): helpers get plain data. */
export function unwrapStrict<T>(value: T): T {
  return (typeof value === 'object' && value !== null ? ((targets.get(value) as T | undefined) ?? value) : value) as T;
}
