import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { zipSync } from 'fflate';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * Build modes:
 * - `production` (npm run build → dist/, zipped to dist-zip/): the Chrome build, Genesys hosts
 *   only, no source maps. dist/ keeps manifest.json's `key`, so loaded unpacked or packed as a
 *   self-hosted CRX it has the same id (and redirect URI) from any folder; the Web Store zip drops
 *   it (the store refuses a `key` and signs with its own).
 * - `firefox` (→ dist-firefox/, zipped to dist-zip/): the same code for Firefox (sidebar_action
 *   instead of side_panel, background scripts, a gecko id).
 * - `simulator` (npm run build:sim → dist-sim/): adds the loopback simulator origin and a fixed
 *   key (stable extension id, so policies and redirect URIs can name it) for `npm start` and the
 *   end-to-end tests. Never shipped.
 */
type Mode = 'production' | 'firefox' | 'simulator';

const SIMULATOR_ORIGIN_PATTERN = 'http://127.0.0.1/*'; // any port: match patterns ignore ports unless given
/** Public half of a throwaway key: makes the simulator build's id fackiflmpbpidnglilmfnmlhlegdlfih. */
const SIMULATOR_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0aBayrXqjIG0F5oufhQhscOX6SaOXeBZKRQRsx/rqRfcUcAc/Q8AjHAE6dLYVrMSPMmV5OzO6FTwlQbpOcegwUK3nSIdAKLtMM+zARkto8haOoTCKX8aUN9utRYlu0dGEQ8X5Fi+rfJHFwTaAzErBjfbLy+wQ6zP0f9i5QFsVkfJiq4iAcpStPS4aK5LsWt96LaW00rNzEdKqI5gL8+PlwhEvTxXwNQoncZuvU1V4uO3kjvkbQtmYRrIOJJKT518bZjiuG2A2wyi5xgnb0924xRIde4ZuWDTQMjnvuE2obeArPKQ01ccB7XOejiUnSahzKpbWhr/w9Cgm/fp2LeEqwIDAQAB';
export const SIMULATOR_EXTENSION_ID = 'fackiflmpbpidnglilmfnmlhlegdlfih';
export const FIREFOX_ID = 'agent-assist-overlay@agent-assist.example';

function modeOf(mode: string): Mode {
  if (mode === 'firefox' || mode === 'simulator') return mode;
  return 'production';
}

function manifestFor(mode: Mode): ManifestV3Export {
  const manifest: Record<string, unknown> & typeof baseManifest = structuredClone(baseManifest);
  manifest.version = pkg.version;
  if (mode === 'simulator') {
    manifest.name = `${manifest.name} (simulator)`;
    manifest.key = SIMULATOR_KEY;
    manifest.host_permissions = [...manifest.host_permissions, SIMULATOR_ORIGIN_PATTERN];
    for (const script of manifest.content_scripts) script.matches = [...script.matches, SIMULATOR_ORIGIN_PATTERN];
  }
  if (mode === 'firefox') {
    // Firefox has a sidebar instead of Chrome's side panel, and no externally_connectable,
    // minimum_chrome_version or key (it would only warn about them; its id is gecko.id).
    const { side_panel: sidePanel, externally_connectable: _connectable, minimum_chrome_version: _minimum, key: _key, ...rest } = manifest;
    for (const key of Object.keys(manifest)) delete manifest[key];
    Object.assign(manifest, rest, {
      permissions: rest.permissions.filter((permission) => permission !== 'sidePanel'),
      background: { scripts: [rest.background.service_worker], type: 'module' },
      sidebar_action: { default_panel: sidePanel.default_path, default_title: '__MSG_extName__', default_icon: rest.action.default_icon },
      // Honest about what leaves the device: conversation text goes to the organisation's own
      // Genesys Cloud / recommendation service to find articles.
      browser_specific_settings: {
        gecko: { id: FIREFOX_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['personalCommunications', 'websiteContent'] } },
      },
    });
  }
  return manifest;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Store builds are zipped for upload: `dist-zip/agent-assist-overlay-<browser>-<version>.zip`. */
/** The manifest as the stores take it: no `key` (the Web Store rejects one; Firefox ids come from gecko.id). */
export function storeManifest(bytes: Uint8Array): Uint8Array {
  const { key: _key, ...manifest } = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  return Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
}

function storePackage(mode: Mode, outDir: string): Plugin {
  return {
    name: 'agent-assist:store-package',
    apply: 'build',
    closeBundle() {
      if (mode === 'simulator') return;
      const files: Record<string, Uint8Array> = Object.fromEntries(filesUnder(outDir).map((file) => [relative(outDir, file).split('\\').join('/'), readFileSync(file)]));
      files['manifest.json'] = storeManifest(files['manifest.json']!);
      mkdirSync('dist-zip', { recursive: true });
      const browser = mode === 'firefox' ? 'firefox' : 'chrome';
      writeFileSync(join('dist-zip', `agent-assist-overlay-${browser}-${pkg.version}.zip`), zipSync(files, { level: 9 }));
    },
  };
}

export default defineConfig(({ mode: rawMode }) => {
  const mode = modeOf(rawMode);
  const outDir = { production: 'dist', firefox: 'dist-firefox', simulator: 'dist-sim' }[mode];
  // Pages no manifest key names (crxjs "Extra HTML pages"): the supervisor page, opened by link.
  const extraPages: Record<string, string> = { supervisor: 'src/supervisor/index.html', ...(mode === 'firefox' ? { sidebar: 'src/sidepanel/index.html' } : {}) };
  return {
    plugins: [
      preact(),
      // Vitest loads this file too; the extension packager has no business in unit tests.
      ...(process.env.VITEST
        ? []
        : [
            crx({ manifest: manifestFor(mode), browser: mode === 'firefox' ? 'firefox' : 'chrome', contentScripts: { standaloneFiles: ['src/content/index.ts'] } }),
            storePackage(mode, outDir),
          ]),
    ],
    define: {
      __SIMULATOR_BUILD__: JSON.stringify(mode === 'simulator'),
    },
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: mode === 'simulator',
      target: mode === 'firefox' ? 'firefox128' : 'chrome116',
      // Every chunk is a file inside the installed extension, so preloading a lazy view's imports
      // (all already loaded by the page) saves no wait, and the helper that does it would cost the
      // panel's start more than the views it loads later (docs/performance.md, P8).
      modulePreload: false,
      rollupOptions: {
        // crxjs finds pages through the manifest; Firefox's sidebar_action is not one of the keys it reads.
        input: extraPages,
      },
    },
    server: { strictPort: true, port: 5173 },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'e2e/simulator/**/*.test.ts', 'e2e/lint/**/*.test.ts', 'e2e/bench/**/*.test.ts'],
      environment: 'node',
      // Worker threads start faster than forked processes: a fifth off the unit run on 2 cores.
      pool: 'threads',
      restoreMocks: true,
      setupFiles: ['src/shared/testing/i18n-stub.ts'],
    },
  };
});
