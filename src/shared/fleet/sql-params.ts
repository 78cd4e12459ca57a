/**
 * Query parameters for servers that have none (ClickHouse 18.16 answers "Unknown setting
 * param_x"): each `{name:Type}` placeholder of a shipped query (sql/queries.sql) becomes a literal
 * of its type, rendered from a value that was validated for that type first. Nothing typed by a
 * user reaches the SQL text any other way, and the read-only user (readonly=1) is the second wall.
 *
 * Types: `Identifier` (database.table, letters, digits and underscores), `DateTime` (epoch
 * seconds), `UInt32`, `Float64` and `String` (quoted with backslash escapes).
 */
export type ParamType = 'Identifier' | 'DateTime' | 'UInt32' | 'Float64' | 'String';
export type ParamValue = string | number;

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*):([A-Za-z0-9]+)\}/g;
const IDENTIFIER_PART = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export class SqlParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlParamError';
  }
}

/** `database.table` or `table`, each part a plain identifier; anything else is refused. */
export function isIdentifier(value: string): boolean {
  const parts = value.split('.');
  return parts.length <= 2 && parts.every((part) => IDENTIFIER_PART.test(part));
}

/** One literal of `type`, or SqlParamError when `value` is not a valid value of it. */
export function renderLiteral(type: string, value: ParamValue, name = 'value'): string {
  switch (type) {
    case 'Identifier':
      if (typeof value !== 'string' || !isIdentifier(value)) throw new SqlParamError(`${name} is not a table name`);
      return value
        .split('.')
        .map((part) => `\`${part}\``)
        .join('.');
    case 'DateTime':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 4_294_967_295) throw new SqlParamError(`${name} is not a time`);
      return `toDateTime(${value})`;
    case 'UInt32':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 4_294_967_295) throw new SqlParamError(`${name} is not a UInt32`);
      return `toUInt32(${value})`;
    case 'Float64':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new SqlParamError(`${name} is not a finite number`);
      return `toFloat64(${JSON.stringify(value)})`;
    case 'String':
      if (typeof value !== 'string') throw new SqlParamError(`${name} is not a string`);
      // ClickHouse string literals: backslash escapes; NUL and other controls written as \xHH.
      return `'${value.replace(/[\\']/g, (char) => `\\${char}`).replace(/[\u0000-\u001f\u007f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
    default:
      throw new SqlParamError(`${name} has an unsupported type ${type}`);
  }
}

/** The placeholders of a query, in order of first use: name → type. */
export function placeholders(sql: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of sql.matchAll(PLACEHOLDER)) {
    const [, name, type] = match;
    const known = found.get(name!);
    if (known && known !== type) throw new SqlParamError(`${name} is used as ${known} and ${type}`);
    found.set(name!, type!);
  }
  return found;
}

/** The query with every placeholder replaced by its literal; every placeholder needs a value, and no extra value is accepted. */
export function renderQuery(sql: string, params: Readonly<Record<string, ParamValue>>): string {
  const wanted = placeholders(sql);
  for (const name of Object.keys(params)) if (!wanted.has(name)) throw new SqlParamError(`${name} is not a parameter of this query`);
  for (const name of wanted.keys()) if (!Object.hasOwn(params, name)) throw new SqlParamError(`${name} is missing`);
  return sql.replace(PLACEHOLDER, (_match, name: string, type: string) => renderLiteral(type, params[name]!, name));
}

/** The named queries of a file: `-- name: x` starts one; comments and blank lines around them are dropped. */
export function parseNamedQueries(text: string): Map<string, string> {
  const queries = new Map<string, string>();
  let name: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (name !== null) queries.set(name, lines.join('\n').trim());
  };
  for (const line of text.split('\n')) {
    const header = /^--\s*name:\s*([a-z_][a-z0-9_]*)\s*$/.exec(line);
    if (header) {
      flush();
      name = header[1]!;
      lines = [];
    } else if (name !== null && !line.trimStart().startsWith('--')) {
      lines.push(line);
    }
  }
  flush();
  return queries;
}

/** Statements of a schema file, split at `;` ending a line, comments dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
