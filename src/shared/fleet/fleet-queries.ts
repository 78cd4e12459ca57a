import text from './sql/queries.sql?raw';
import { parseNamedQueries } from './sql-params';
import type { FleetQueryName } from './fleet-status';

/** The shipped fleet queries (sql/queries.sql), by name, as the worker runs them. */
const QUERIES = parseNamedQueries(text);

export function fleetQuerySql(name: FleetQueryName): string {
  const sql = QUERIES.get(name);
  if (!sql) throw new Error(`No fleet query named ${name}`);
  return sql;
}
