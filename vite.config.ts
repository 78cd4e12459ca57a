import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * Build modes:
 * - `production` (npm run build → dist/): the store build, Genesys hosts only.
 * - `simulator` (npm run build:sim → dist-sim/): adds the loopback simulator origin so `npm start`
 *   and the end-to-end tests can run against e2e/simulator with no Genesys account.
 */
const SIMULATOR_ORIGIN_PATTERN = 'http://127.0.0.1/*'; // any port: match patterns ignore ports unless given

function manifestFor(mode: string): ManifestV3Export {
  const simulator = mode === 'simulator';
  const manifest = structuredClone(baseManifest);
  manifest.version = pkg.version;
  if (simulator) {
    manifest.name = `${manifest.name} (simulator)`;
    manifest.host_permissions = [...manifest.host_permissions, SIMULATOR_ORIGIN_PATTERN];
    for (const script of manifest.content_scripts) script.matches = [...script.matches, SIMULATOR_ORIGIN_PATTERN];
  }
  return manifest;
}

export default defineConfig(({ mode }) => ({
  plugins: [
    preact(),
    // Vitest loads this file too; the extension packager has no business in unit tests.
    ...(process.env.VITEST ? [] : [crx({ manifest: manifestFor(mode), contentScripts: { standaloneFiles: ['src/content/index.ts'] } })]),
  ],
  define: {
    __SIMULATOR_BUILD__: JSON.stringify(mode === 'simulator'),
  },
  build: {
    outDir: mode === 'simulator' ? 'dist-sim' : 'dist',
    emptyOutDir: true,
    sourcemap: mode === 'simulator',
    target: 'chrome116',
    // Extension pages the manifest does not name must be listed as inputs (crxjs "Extra HTML pages").
    rollupOptions: { input: { supervisor: 'src/supervisor/index.html' } },
  },
  server: { strictPort: true, port: 5173 },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/simulator/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    setupFiles: ['src/shared/testing/i18n-stub.ts'],
  },
}));
