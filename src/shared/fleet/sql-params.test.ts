import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isIdentifier, parseNamedQueries, placeholders, renderLiteral, renderQuery, splitStatements, SqlParamError } from './sql-params';
import { FLEET_QUERIES } from './fleet-status';

describe('renderLiteral', () => {
  it('quotes identifiers part by part and refuses anything else', () => {
    expect(renderLiteral('Identifier', 'agent_assist.events')).toBe('`agent_assist`.`events`');
    expect(renderLiteral('Identifier', 'events')).toBe('`events`');
    for (const bad of ['a.b.c', 'a b', 'a`b', '1abc', '', 'a;DROP TABLE x', 'a.', 'x'.repeat(65)]) {
      expect(() => renderLiteral('Identifier', bad)).toThrow(SqlParamError);
      expect(isIdentifier(bad)).toBe(false);
    }
    expect(() => renderLiteral('Identifier', 3)).toThrow(SqlParamError);
  });

  it('renders numbers only from numbers in range', () => {
    expect(renderLiteral('DateTime', 1_704_067_200)).toBe('toDateTime(1704067200)');
    expect(renderLiteral('UInt32', 3600)).toBe('toUInt32(3600)');
    expect(renderLiteral('Float64', 0.75)).toBe('toFloat64(0.75)');
    expect(renderLiteral('Float64', 1e-7)).toBe('toFloat64(1e-7)');
    for (const [type, bad] of [
      ['DateTime', -1],
      ['DateTime', 1.5],
      ['DateTime', '1704067200'],
      ['UInt32', 2 ** 32],
      ['Float64', Number.NaN],
      ['Float64', Infinity],
      ['Float64', '0.5'],
    ] as const) {
      expect(() => renderLiteral(type, bad)).toThrow(SqlParamError);
    }
    expect(() => renderLiteral('Date', 1)).toThrow(SqlParamError);
  });

  it('escapes every string so it stays one literal', () => {
    expect(renderLiteral('String', "it's")).toBe("'it\\'s'");
    expect(renderLiteral('String', 'a\\')).toBe("'a\\\\'");
    expect(renderLiteral('String', 'a\nb\u0000')).toBe("'a\\x0ab\\x00'");
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const literal = renderLiteral('String', value);
        // Between the outer quotes, every quote and backslash is escaped and no control is left raw.
        const inner = literal.slice(1, -1);
        return literal.startsWith("'") && literal.endsWith("'") && !/[\u0000-\u001f\u007f]/.test(inner) && !/['\\]/.test(inner.replace(/\\./g, ''));
      }),
      { numRuns: 200 },
    );
  }, 20_000);
});

describe('renderQuery', () => {
  it('replaces every placeholder and insists on exactly the declared parameters', () => {
    const sql = 'SELECT 1 FROM {table:Identifier} WHERE time >= {from:DateTime} AND time < {to:DateTime} AND x = {from:DateTime}';
    expect(renderQuery(sql, { table: 'db.t', from: 10, to: 20 })).toBe('SELECT 1 FROM `db`.`t` WHERE time >= toDateTime(10) AND time < toDateTime(20) AND x = toDateTime(10)');
    expect(() => renderQuery(sql, { table: 'db.t', from: 10 })).toThrow(/to is missing/);
    expect(() => renderQuery(sql, { table: 'db.t', from: 10, to: 20, extra: 1 })).toThrow(/extra is not a parameter/);
    expect(() => placeholders('{a:UInt32} {a:String}')).toThrow(SqlParamError);
  });
});

describe('the shipped SQL files', () => {
  const queries = parseNamedQueries(readFileSync(new URL('./sql/queries.sql', import.meta.url), 'utf8'));

  it('name every fleet query, each with only supported placeholder types', () => {
    // The worker only runs names the message schema allows, so the file and the schema must agree.
    expect([...queries.keys()]).toEqual([...FLEET_QUERIES]);
    for (const [name, sql] of queries) {
      expect(sql, name).not.toMatch(/^--/m);
      for (const type of placeholders(sql).values()) expect(['Identifier', 'DateTime', 'UInt32', 'Float64', 'String']).toContain(type);
    }
  });

  it('split the schema into its statements', () => {
    const statements = splitStatements(readFileSync(new URL('./sql/schema.sql', import.meta.url), 'utf8'));
    expect(statements).toHaveLength(2);
    expect(statements[0]).toBe('CREATE DATABASE IF NOT EXISTS agent_assist');
    expect(statements[1]).toMatch(/^CREATE TABLE IF NOT EXISTS agent_assist\.events\n/);
    const cluster = splitStatements(readFileSync(new URL('./sql/schema-cluster.sql', import.meta.url), 'utf8'));
    expect(cluster).toHaveLength(3);
    // The cluster's local table has exactly the single server's columns.
    const columns = (statement: string) => statement.slice(statement.indexOf('('), statement.indexOf('\nENGINE'));
    expect(columns(cluster[1]!)).toBe(columns(statements[1]!));
  });
});
