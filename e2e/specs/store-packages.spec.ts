import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { GENESYS_REGIONS } from '../../src/shared/regions';
import { extensionIdFromManifest, launchExtension } from '../support/launch-extension';

/**
 * What an IT admin uploads to the stores: `npm run package` → dist-zip/. The store manifests must
 * carry the package.json version and exactly the Genesys hosts — no loopback, no source maps,
 * no simulator code, no stable dev key — and Firefox's must pass `web-ext lint`.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

type Manifest = Record<string, unknown> & {
  version: string;
  permissions: string[];
  host_permissions: string[];
  content_scripts: { matches: string[]; all_frames?: boolean }[];
  content_security_policy: { extension_pages: string };
};

function unpack(browser: 'chrome' | 'firefox'): { manifest: Manifest; files: Record<string, Uint8Array> } {
  const files = unzipSync(readFileSync(join(ROOT, 'dist-zip', `agent-assist-overlay-${browser}-${pkg.version}.zip`)));
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw new Error(`${browser} package has no manifest.json`);
  return { manifest: JSON.parse(strFromU8(manifestBytes)) as Manifest, files };
}

const expectedHosts = GENESYS_REGIONS.flatMap((region) => [`https://login.${region}/*`, `https://api.${region}/*`]).sort();
const expectedDesktops = GENESYS_REGIONS.map((region) => `https://apps.${region}/*`).sort();

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(180_000);
  const build = spawnSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

for (const browser of ['chrome', 'firefox'] as const) {
  test(`the ${browser} store package carries exactly what a store build should`, () => {
    const { manifest, files } = unpack(browser);
    expect(manifest.version).toBe(pkg.version);
    expect([...manifest.host_permissions].sort()).toEqual(expectedHosts);
    expect(manifest.content_scripts.flatMap((script) => script.matches).sort()).toEqual(expectedDesktops);
    expect(manifest.key).toBeUndefined();
    // Hosts outside the Genesys regions (an own recommendation service) only as granted at configuration time.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'");
    expect(Object.keys(files).filter((name) => name.endsWith('.map'))).toEqual([]);
    const code = Object.entries(files)
      .filter(([name]) => name.endsWith('.js'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    // The simulator's desktop profile and loopback permissions exist only in simulator builds.
    for (const marker of ['^http://127', '__simDesktop', 'SIMULATOR_DESKTOP', '(simulator)', 'simulator-genesys', '__agentAssistDebug']) {
      expect(code.includes(marker), `store code contains ${marker}`).toBe(false);
    }
    expect(JSON.stringify(manifest)).not.toContain('127.0.0.1');
    if (browser === 'chrome') {
      expect([...manifest.permissions].sort()).toEqual(['alarms', 'identity', 'sidePanel', 'storage']);
      expect(manifest.externally_connectable).toEqual({ ids: [] });
      expect(manifest.background).toEqual({ service_worker: 'service-worker-loader.js', type: 'module' });
    } else {
      expect([...manifest.permissions].sort()).toEqual(['alarms', 'identity', 'storage']);
      expect(manifest.sidebar_action).toMatchObject({ default_panel: 'src/sidepanel/index.html' });
      expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: 'agent-assist-overlay@agent-assist.example' } });
      expect(manifest.side_panel).toBeUndefined();
    }
  });
}

test('the unpacked Chrome build has the id the README documents, whatever folder it is loaded from', async () => {
  // The manifest's `key` (its public half only) fixes the id, and with it the redirect URI to
  // register; the store zip above leaves it out.
  const id = extensionIdFromManifest(join(ROOT, 'dist'));
  expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`https://${id}.chromiumapp.org/`);
  const folder = mkdtempSync(join(tmpdir(), 'agent-assist-elsewhere-'));
  try {
    cpSync(join(ROOT, 'dist'), folder, { recursive: true });
    const launched = await launchExtension({ headless: true, extensionDir: folder });
    try {
      expect(launched.extensionId).toBe(id);
      const redirect = await launched.serviceWorker.evaluate(() => chrome.identity.getRedirectURL());
      expect(redirect).toBe(`https://${id}.chromiumapp.org/`);
    } finally {
      await launched.context.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('web-ext lint finds no errors in the Firefox build', () => {
  test.setTimeout(120_000);
  const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', join(ROOT, 'dist-firefox'), '--output', 'json', '--no-config-discovery'], { cwd: ROOT, encoding: 'utf8' });
  const report = JSON.parse(lint.stdout) as { summary: { errors: number }; errors: { code: string; message: string }[] };
  expect(report.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
});
