/**
 * Conversation ids in a narrow table column: the shortest tail (at least `minimum` characters)
 * that tells apart every id on the page. Ids from one system often share a prefix (the
 * simulator's all start `5b1f3c7e-2a4d-…`), so the end, not the start, is what differs.
 */
export function shortIds(ids: Iterable<string>, minimum = 6): Map<string, string> {
  const unique = [...new Set(ids)];
  const longest = Math.max(0, ...unique.map((id) => id.length));
  let length = minimum;
  while (length < longest && new Set(unique.map((id) => id.slice(-length))).size < unique.length) length += 1;
  return new Map(unique.map((id) => [id, id.length <= length + 1 ? id : `…${id.slice(-length)}`]));
}
