import { describe, expect, it } from 'vitest';
import { attributeLongTasks, type MainThreadUse } from './content-script-meter';

function calls(...spans: [at: number, ms: number][]): MainThreadUse {
  return { spentMs: spans.reduce((sum, [, ms]) => sum + ms, 0), calls: spans.length, longestMs: Math.max(0, ...spans.map(([, ms]) => ms)), recentAt: spans.map(([at]) => at), recentMs: spans.map(([, ms]) => ms) };
}

describe('attributeLongTasks', () => {
  it('counts the part of each call inside the task, and calls it ours only when the rest would not have been long', () => {
    const task = { start: 1000, duration: 80 };
    // 10 ms before the task and 5 inside it; 20 inside; 10 inside and 10 after it; one far away.
    const use = calls([990, 15], [1020, 20], [1070, 20], [5000, 40]);
    expect(attributeLongTasks([task], use)).toEqual([{ task, oursMs: 35, ours: true }]);
    expect(attributeLongTasks([task], calls([1020, 20]))).toEqual([{ task, oursMs: 20, ours: false }]);
    expect(attributeLongTasks([task], calls())).toEqual([{ task, oursMs: 0, ours: false }]);
  });
});
