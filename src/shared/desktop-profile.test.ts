import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES, GENESYS_DESKTOP_PROFILE, REALISTIC_SIMULATOR_PROFILE, resolveDesktopProfile, SIMULATOR_DESKTOP_PROFILE } from './desktop-profile';
import { DesktopProfile, DesktopProfileOverrides } from './desktop-profile-schema';

const BOTH = [SIMULATOR_DESKTOP_PROFILE, REALISTIC_SIMULATOR_PROFILE, GENESYS_DESKTOP_PROFILE];

describe('built-in profiles', () => {
  it('are valid profiles', () => {
    for (const profile of BOTH) expect(DesktopProfile.safeParse(profile).success).toBe(true);
  });

  it('leave the simulator profile out of store builds (unit tests run as one)', () => {
    expect(BUILT_IN_PROFILES).toEqual([GENESYS_DESKTOP_PROFILE]);
  });

  it('have regular expressions that compile, with one capture group for the id', () => {
    for (const profile of BOTH) {
      expect(() => new RegExp(profile.urlPattern)).not.toThrow();
      const idPattern = new RegExp(`${profile.conversationIdPattern!}|`);
      expect(''.match(idPattern)!.length - 1).toBe(1);
    }
  });
});

describe('resolveDesktopProfile', () => {
  it('picks the Genesys profile for an agent desktop URL', () => {
    expect(resolveDesktopProfile('https://apps.mypurecloud.ie/directory/#/engage/agent', undefined, BOTH)?.id).toBe('genesys-cloud');
    expect(resolveDesktopProfile('https://apps.use2.us-gov-pure.cloud/', undefined, BOTH)?.id).toBe('genesys-cloud');
  });

  it('picks the simulator profile for the simulator desktop', () => {
    expect(resolveDesktopProfile('http://127.0.0.1:8787/desktop/#/conversations/x', undefined, BOTH)?.id).toBe('simulator');
    expect(resolveDesktopProfile('http://127.0.0.1/desktop/', undefined, BOTH)?.id).toBe('simulator');
  });

  it('picks the realistic simulator profile (the Genesys selectors) for its top frame and its messaging gadgets', () => {
    for (const url of ['http://127.0.0.1:4010/directory/?timeline=off#/activity', 'http://127.0.0.1:4010/messaging-gadget/messaging-gadget.html']) {
      const profile = resolveDesktopProfile(url, undefined, BOTH);
      expect(profile?.id).toBe('simulator-genesys');
      expect({ ...profile, id: GENESYS_DESKTOP_PROFILE.id, urlPattern: GENESYS_DESKTOP_PROFILE.urlPattern }).toEqual(GENESYS_DESKTOP_PROFILE);
    }
  });

  it('returns null when no profile matches', () => {
    expect(resolveDesktopProfile('https://example.com/', undefined, BOTH)).toBeNull();
    expect(resolveDesktopProfile('http://apps.mypurecloud.com/', undefined, BOTH)).toBeNull();
    expect(resolveDesktopProfile('http://127.0.0.1:8787/other/', undefined, BOTH)).toBeNull();
    expect(resolveDesktopProfile('https://apps.mypurecloud.com/', undefined, [])).toBeNull();
  });

  it('uses the built-in list by default', () => {
    expect(resolveDesktopProfile('https://apps.mypurecloud.com/', undefined)).toEqual(GENESYS_DESKTOP_PROFILE);
    expect(resolveDesktopProfile('http://127.0.0.1:8787/desktop/', undefined)).toBeNull();
  });

  it('applies overrides key by key and keeps the rest', () => {
    const profile = resolveDesktopProfile('https://apps.mypurecloud.com/', { messageSelector: '.bubble', channelMap: { sms: 'message' } }, BOTH)!;
    expect(profile.messageSelector).toBe('.bubble');
    expect(profile.channelMap).toEqual({ sms: 'message' });
    expect(profile.transcriptSelector).toBe(GENESYS_DESKTOP_PROFILE.transcriptSelector);
    expect(profile.id).toBe('genesys-cloud');
  });

  it('ignores an override whose value is undefined', () => {
    const profile = resolveDesktopProfile('https://apps.mypurecloud.com/', { composerSelector: undefined, messageSelector: '.m' }, BOTH)!;
    expect(profile.composerSelector).toBe(GENESYS_DESKTOP_PROFILE.composerSelector);
    expect(profile.messageSelector).toBe('.m');
  });

  it('does not modify the built-in profile', () => {
    const before = structuredClone(GENESYS_DESKTOP_PROFILE);
    resolveDesktopProfile('https://apps.mypurecloud.com/', { messageSelector: '.changed' }, BOTH);
    expect(GENESYS_DESKTOP_PROFILE).toEqual(before);
  });
});

describe('DesktopProfileOverrides', () => {
  it('accepts any subset of the overridable keys', () => {
    expect(DesktopProfileOverrides.safeParse({}).success).toBe(true);
    expect(DesktopProfileOverrides.safeParse({ transcriptSelector: '.t', channelMap: { a: 'voice' } }).success).toBe(true);
  });

  it('refuses a channel outside our channels', () => {
    expect(DesktopProfileOverrides.safeParse({ channelMap: { a: 'fax' } }).success).toBe(false);
  });

  it('does not let an admin change which pages a profile applies to', () => {
    const parsed = DesktopProfileOverrides.safeParse({ urlPattern: '.*', id: 'mine', messageSelector: '.m' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ messageSelector: '.m' });
  });
});
