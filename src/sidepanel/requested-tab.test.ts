import { expect, it } from 'vitest';
import { requestedTabId } from './requested-tab';

it('reads ?tabId=N and ignores anything that is not a tab id', () => {
  expect(requestedTabId('?tabId=42')).toBe(42);
  expect(requestedTabId('?x=1&tabId=0')).toBe(0);
  expect(requestedTabId('')).toBeNull();
  expect(requestedTabId('?tabId=')).toBeNull();
  expect(requestedTabId('?tabId=-1')).toBeNull();
  expect(requestedTabId('?tabId=1.5')).toBeNull();
  expect(requestedTabId('?tabId=abc')).toBeNull();
  expect(requestedTabId('?tabId=1e3')).toBeNull();
  expect(requestedTabId('?tabId=99999999999')).toBeNull();
});
