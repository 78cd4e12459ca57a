/**
 * A few zod-like checks written out by hand, for data the side panel reads from the worker: the
 * panel carries no zod at start (docs/performance.md P8). Each check returns the value as the
 * matching zod schema would (unknown keys of a loose object dropped) or NO. What is built from
 * these is held to its zod schema by unit tests (src/sidepanel/view-checks.test.ts).
 */
export const NO = Symbol('no');
export type Check<T> = ((value: unknown) => T | typeof NO) & { optional?: true };

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function text(min = 0, max = Infinity, pattern?: RegExp): Check<string> {
  return (value) => (typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value)) ? value : NO);
}

/** A finite number within [min, max]; `above` makes the lower bound exclusive. */
export function num(min = -Infinity, max = Infinity, above = false): Check<number> {
  return (value) => (typeof value === 'number' && Number.isFinite(value) && (above ? value > min : value >= min) && value <= max ? value : NO);
}

export function int(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check<number> {
  return (value) => (Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : NO);
}

export const bool: Check<boolean> = (value) => (typeof value === 'boolean' ? value : NO);

export function oneOf<const T extends readonly unknown[]>(values: T): Check<T[number]> {
  return (value) => (values.includes(value) ? value : NO);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value) => (value === null ? null : check(value));
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  const wrapped: Check<T | undefined> = (value) => (value === undefined ? undefined : check(value));
  wrapped.optional = true;
  return wrapped;
}

export function list<T>(check: Check<T>, max = Infinity, min = 0): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return NO;
    const out: T[] = [];
    for (const item of value) {
      const checked = check(item);
      if (checked === NO) return NO;
      out.push(checked);
    }
    return out;
  };
}

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: Exclude<ReturnType<S[K]>, typeof NO> };

/** An object of `shape`; `strict` refuses unknown keys (z.strictObject), otherwise they are dropped (z.object). */
export function object<S extends Shape>(shape: S, strict = false): Check<Out<S>> {
  return (value) => {
    if (!isRecord(value)) return NO;
    if (strict && Object.keys(value).some((key) => !Object.hasOwn(shape, key))) return NO;
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const checked = check(value[key]);
      if (checked === NO) return NO;
      // As zod: an optional key absent stays absent, one present as undefined stays present.
      if (checked !== undefined || key in value) out[key] = checked;
    }
    return out as Out<S>;
  };
}

/** The check as a parser for a caller that wants null for "not that shape". */
export function orNull<T>(check: Check<T>): (value: unknown) => T | null {
  return (value) => {
    const checked = check(value);
    return checked === NO ? null : checked;
  };
}
