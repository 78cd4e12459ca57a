import { describe, expect, it } from 'vitest';
import { bucketFor, chainRows, chainRuns, ctrTable, latencyRows, whatIfResult } from './fleet-model';

describe('fleet model', () => {
  it('turns ctr rows (quoted 64-bit counts) into per-key series over shared buckets', () => {
    const table = ctrTable(
      [
        { bucket: 3600, agent_id: 'a', impressions: '4', clicked: '1' },
        { bucket: 7200, agent_id: 'a', impressions: '2', clicked: '2' },
        { bucket: 7200, agent_id: 'b', impressions: '10', clicked: '0' },
      ],
      'agent_id',
    );
    expect(table.buckets).toEqual([3600, 7200]);
    expect(table.series).toEqual([
      { key: 'b', impressions: 10, clicked: 0, points: [null, 0] },
      { key: 'a', impressions: 6, clicked: 3, points: [0.25, 1] },
    ]);
  });

  it('flags an install whose chain has a gap, a broken link, an edit or a conflict', () => {
    const rows = chainRows([
      { install_id: 'i1', agent_ids: ['a', ''], entries: '3', first_seq: '1', last_seq: '3', gaps_before: [], broken_links: [], edited: [], conflicting: [] },
      { install_id: 'i2', agent_ids: ['b'], entries: '3', first_seq: '1', last_seq: '4', gaps_before: ['3'], broken_links: [], edited: ['2'], conflicting: [] },
    ]);
    expect(rows.map((row) => [row.installId, row.ok, row.agentIds])).toEqual([
      ['i1', true, ['a']],
      ['i2', false, ['b']],
    ]);
    expect(rows[1]).toMatchObject({ gapsBefore: [3], edited: [2], entries: 3 });
  });

  it('reads latency, what-if and bucket sizes', () => {
    expect(latencyRows([{ provider: 'p', deliveries: '5', cache_hits: '2', p50: 10, p95: 40 }])).toEqual([{ provider: 'p', deliveries: 5, cacheHits: 2, p50: 10, p95: 40 }]);
    expect(whatIfResult([{ items: '9', would: '4', shown: '3' }])).toEqual({ items: 9, would: 4, shown: 3 });
    expect(whatIfResult([])).toEqual({ items: 0, would: 0, shown: 0 });
    expect(bucketFor(86_400)).toBe(3600);
    expect(bucketFor(7 * 86_400)).toBe(86_400);
  });

  it('cuts the installs into consecutive runs of bounded size, a large install alone', () => {
    const installs = [
      { install_id: 'a', rows: '40' },
      { install_id: 'b', rows: 50 },
      { install_id: 'c', rows: '20' },
      { install_id: 'd', rows: '500' },
      { install_id: 'e', rows: '1' },
      { install_id: '', rows: '9' },
    ];
    expect(chainRuns(installs, 100)).toEqual([
      { first: 'a', last: 'b' },
      { first: 'c', last: 'c' },
      { first: 'd', last: 'd' },
      { first: 'e', last: 'e' },
    ]);
    expect(chainRuns(installs, 1_000)).toEqual([{ first: 'a', last: 'e' }]);
    expect(chainRuns([])).toEqual([]);
  });
});
