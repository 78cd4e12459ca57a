import { expect, it } from 'vitest';
import { describeActionFailure } from './action-error';

it('turns a failed action into a readable line', () => {
  expect(describeActionFailure('sign-in', { code: 'failed', message: 'access_denied' })).toBe('Sign-in failed: access_denied');
  expect(describeActionFailure('sign-in', { code: 'not-signed-in', message: '' })).toBe('Sign-in did not complete. Try again.');
  expect(describeActionFailure('refresh', { code: 'no-reply', message: 'Could not establish connection' })).toMatch(/did not answer/);
  expect(describeActionFailure('sign-out', { code: 'bad-reply', message: '' })).toMatch(/unexpected answer/);
  expect(describeActionFailure('refresh', { code: 'bad-request', message: 'tabId' })).toBe('Could not ask for new recommendations: tabId');
});

it('names the likely causes of a refused sign-in page, with the redirect URI to register', () => {
  const text = describeActionFailure('sign-in', {
    code: 'sign-in-failed',
    message: 'Authorization page could not be loaded.',
    signIn: { reason: 'page-failed', detail: 'Authorization page could not be loaded.', loginHost: 'login.mypurecloud.ie', clientId: 'wrong-id', redirectUri: 'https://abc.chromiumapp.org/' },
  });
  expect(text).toContain('login.mypurecloud.ie');
  expect(text).toContain('"wrong-id"');
  expect(text).toContain('https://abc.chromiumapp.org/');
  expect(text).toMatch(/client ID.*redirect URI.*region/);
});
