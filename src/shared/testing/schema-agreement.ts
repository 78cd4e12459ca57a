import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * For holding a hand-written check to its zod schema: every input is given to both, and the check
 * must answer what `schema.safeParse` does (the parsed value, or null for a refusal).
 */
export interface SchemaLike {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false };
}

export function expectAgreement(check: (value: unknown) => unknown, schema: SchemaLike, value: unknown): void {
  const parsed = schema.safeParse(value);
  const expected = parsed.success ? parsed.data : null;
  const actual = check(value);
  if (isDeepStrictEqual(actual, expected)) return;
  const label = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' && item.length > 40 ? `${item.slice(0, 20)}…(${item.length})` : item));
  expect(actual, label).toStrictEqual(expected);
}

const lengths = [0, 1, 12, 13, 32, 33, 64, 65, 80, 81, 128, 129, 200, 201, 256, 257, 400, 401, 500, 501, 5000, 5001, 20_000, 20_001];

/**
 * Values that sit on the edges the schemas draw: strings of every bounding length, strings a
 * pattern refuses, numbers at and past each bound, non-finite numbers, and every other type.
 * `words` adds the enum values (and near misses) of the schema under test.
 */
export function edgeValues(words: readonly string[] = []): unknown[] {
  return [
    undefined,
    null,
    true,
    false,
    ...lengths.map((length) => 'a'.repeat(length)),
    'has space',
    '<script>',
    ...words,
    ...words.map((word) => word.toUpperCase()),
    -1,
    0,
    0.5,
    1,
    1.0001,
    1.5,
    7,
    36_500,
    36_500.5,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    [],
    ['a'],
    Array.from({ length: 13 }, () => 'term'),
    Array.from({ length: 12 }, () => 'x'.repeat(80)),
    {},
    { id: 'u', name: 'n' },
  ];
}

type Path = (string | number)[];

/** Every path into `value` that leads to an object key or an array item. */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...at, index], ...pathsOf(item, [...at, index])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => [[...at, key], ...pathsOf(item, [...at, key])]);
  return [];
}

function setAt(value: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const next = replace(parent[last]);
  if (next === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}

const DELETE = Symbol('delete');

/**
 * Inputs one step from `valid`: each key or item removed, replaced by each edge value, or given a
 * stray key beside it; and the whole value replaced by each edge value.
 */
export function oneStepFrom(valid: unknown, edges: unknown[]): unknown[] {
  const out: unknown[] = [valid, ...edges];
  for (const path of pathsOf(valid)) {
    out.push(setAt(valid, path, () => DELETE));
    for (const edge of edges) out.push(setAt(valid, path, () => edge));
  }
  for (const path of [[], ...pathsOf(valid)]) {
    out.push(path.length === 0 ? { ...(valid as object), stray: 1 } : setAt(valid, path, (old) => (typeof old === 'object' && old !== null && !Array.isArray(old) ? { ...old, stray: 1 } : old)));
  }
  return out;
}

/** A few changes at once, chosen at random from the same edges (fast-check shrinks a failure). */
export function manyStepsFrom(valid: unknown, edges: unknown[]): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const change = fc.tuple(fc.integer({ min: 0, max: paths.length - 1 }), fc.integer({ min: -1, max: edges.length - 1 }));
  return fc.array(change, { minLength: 1, maxLength: 4 }).map((changes) => {
    let value = valid;
    for (const [pathIndex, edgeIndex] of changes) {
      try {
        value = setAt(value, paths[pathIndex]!, () => (edgeIndex < 0 ? DELETE : edges[edgeIndex]));
      } catch {
        // An earlier change removed this path's parent: skip this one.
      }
    }
    return value;
  });
}
