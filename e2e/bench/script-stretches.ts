import type { CDPSession } from '@playwright/test';

/**
 * Who ran a long task: V8's sampling profiler on the page's renderer (every 50 µs) tells whether
 * the content script's own file was on the stack. A run of consecutive samples of ours is one
 * unbroken stretch of main-thread time; one longer than 50 ms would be a long task we caused.
 * A sample stands for the time to the next one, at most two sampling intervals (the sampler
 * pauses while the thread is idle; that gap is not time we spent).
 */
export const SAMPLING_INTERVAL_US = 50;
export const LONG_TASK_MS = 50;

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Stretches {
  totalMs: number;
  longestMs: number;
  longCount: number;
}

export function scriptStretches(profile: Profile, isOurs: (url: string) => boolean): Stretches {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const ours = new Map<number, boolean>();
  const isOursNode = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parent = parents.get(id);
    const result = (node !== undefined && isOurs(node.callFrame.url)) || (parent !== undefined && isOursNode(parent));
    ours.set(id, result);
    return result;
  };
  let totalUs = 0;
  let stretchUs = 0;
  let longestUs = 0;
  let longCount = 0;
  const endStretch = () => {
    if (stretchUs > LONG_TASK_MS * 1000) longCount++;
    longestUs = Math.max(longestUs, stretchUs);
    stretchUs = 0;
  };
  for (let index = 0; index < profile.samples.length; index++) {
    if (!isOursNode(profile.samples[index]!)) {
      endStretch();
      continue;
    }
    const duration = Math.min(profile.timeDeltas[index + 1] ?? SAMPLING_INTERVAL_US, 2 * SAMPLING_INTERVAL_US);
    totalUs += duration;
    stretchUs += duration;
  }
  endStretch();
  return { totalMs: totalUs / 1000, longestMs: longestUs / 1000, longCount };
}

export async function profileWhile(cdp: CDPSession, work: () => Promise<void>): Promise<Profile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  await work();
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the debounced tail
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.send('Profiler.disable');
  return profile;
}
