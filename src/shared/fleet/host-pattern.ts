/** The match pattern the extension asks for to reach a ClickHouse endpoint (any port: a pattern with none matches all). */
export function hostPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
