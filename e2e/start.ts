/**
 * `npm start`: build the simulator flavour of the extension, start the Genesys Cloud simulator on
 * loopback, and open Chromium with the extension on the simulated agent desktop. With a display
 * the agent takes it from there; without one (servers, CI) it signs in, opens a conversation and
 * writes screenshots of the desktop and the side panel, then prints where they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { openPanel, signInFromPanel, simulatorSettings, tabIdOf, writeSettings } from './support/agent-desktop';
import { ChromiumNotFoundError, findChromium } from './support/find-chromium';
import { launchExtension } from './support/launch-extension';
import { startSimulator } from './simulator/server';
import { clickhouseInstalled, FLEET_TABLE, INSERT_USER, READ_USER, startClickHouse, type ClickHouse } from './support/clickhouse';
import { agentBodies, agentRows, insertBatch, makeAgents, seededRandom } from './bench/fleet-load';

const ROOT = resolve(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'e2e', '.artifacts', 'start');

async function main(): Promise<number> {
  try {
    findChromium();
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  console.log('Building the extension (simulator mode) …');
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'simulator', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;

  const port = Number(process.env.PORT ?? 4010);
  const simulator = await startSimulator({ port });
  const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.env.HEADLESS === '1';
  const profileDir = mkdtempSync(join(tmpdir(), 'agent-assist-'));
  const { context, serviceWorker } = await launchExtension({ headless, userDataDir: profileDir });
  const extensionId = new URL(serviceWorker.url()).host;
  // The fleet path needs a ClickHouse server: a local one when the Debian package is installed.
  let clickhouse: ClickHouse | null = null;
  if (clickhouseInstalled()) {
    clickhouse = await startClickHouse();
  } else {
    console.log('ClickHouse is not installed: the fleet path (Fleet view) stays off. To try it: sudo apt-get install -y clickhouse-server');
  }
  const cleanup = async () => {
    await context.close().catch(() => undefined);
    await clickhouse?.close();
    await simulator.close();
    rmSync(profileDir, { recursive: true, force: true });
  };

  const fleet = clickhouse ? { fleetClickHouseUrl: clickhouse.url, fleetTable: FLEET_TABLE, fleetInsertUser: INSERT_USER.user, fleetReadUser: READ_USER.user } : {};
  await writeSettings(serviceWorker, simulatorSettings(simulator.origin, fleet));
  if (clickhouse) {
    // The passwords go to the worker as the options page hands them over; never into settings.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
    await options.evaluate(
      (data) => chrome.runtime.sendMessage({ type: 'page/set-fleet-secrets', data }),
      { insertPassword: INSERT_USER.password, readPassword: READ_USER.password },
    );
    await options.close();
    // A few more agents' streams, so the supervisor's Fleet view has a floor to compare.
    const random = seededRandom(11);
    for (const agent of makeAgents(4, 'agent-assist-sim')) {
      const rows = agentRows(agent, agentBodies(agent, 300, Date.now() - 6 * 3_600_000, 6 * 3_600_000, random));
      await insertBatch({ url: clickhouse.url, user: INSERT_USER.user, password: INSERT_USER.password, table: FLEET_TABLE }, rows);
    }
    console.log(`ClickHouse:    ${clickhouse.url}  (fleet table ${FLEET_TABLE}; users ${INSERT_USER.user} / ${READ_USER.user})`);
    console.log(`Fleet view:    chrome-extension://${extensionId}/src/supervisor/index.html`);
  }
  const desktop = context.pages()[0] ?? (await context.newPage());
  await desktop.goto(`${simulator.origin}/desktop/`);
  console.log(`Simulator:     ${simulator.origin}  (control API under /__sim/)`);
  console.log(`Agent desktop: ${simulator.origin}/desktop/`);

  if (!headless) {
    console.log('\nChromium is open on the simulated agent desktop. Click the Agent Assist toolbar button to');
    console.log('open the side panel, sign in (the simulator signs you in as Alex Agent), then pick a conversation.');
    console.log('Press Ctrl+C to stop.');
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
      context.once('close', () => done());
    });
    await cleanup();
    return 0;
  }

  console.log('\nNo display: running the agent walkthrough headless …');
  const tabId = await tabIdOf(serviceWorker, desktop);
  const panel = await openPanel(context, extensionId, tabId);
  await signInFromPanel(context, panel);
  await panel.getByTestId('user-name').waitFor({ timeout: 15_000 });
  await desktop.locator('li.conversation-item').first().click();
  await panel.getByTestId('recommendation').first().waitFor({ timeout: 20_000 });
  // Let the customer write a little more (the simulator's timeline), so the picture shows the
  // recommendations following the conversation rather than its first line.
  await panel
    .getByTestId('recommendation')
    .nth(1)
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  await desktop.waitForTimeout(500);
  mkdirSync(ARTIFACTS, { recursive: true });
  const desktopShot = join(ARTIFACTS, 'desktop.png');
  const panelShot = join(ARTIFACTS, 'side-panel.png');
  await desktop.screenshot({ path: desktopShot });
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.screenshot({ path: panelShot, fullPage: true });
  const cards = await panel.getByTestId('recommendation').count();
  if (clickhouse) {
    const supervisor = await context.newPage();
    await supervisor.goto(`chrome-extension://${extensionId}/src/supervisor/index.html`);
    await supervisor.getByTestId('fleet-loaded').waitFor({ timeout: 30_000 }).catch(() => undefined);
    const fleetShot = join(ARTIFACTS, 'fleet-view.png');
    await supervisor.getByTestId('fleet-view').screenshot({ path: fleetShot }).catch(() => undefined);
    console.log(`Fleet view:  ${relative(process.cwd(), fleetShot)}`);
  }
  console.log(`Signed in as ${await panel.getByTestId('user-name').innerText()}; the side panel shows ${cards} recommendation(s).`);
  console.log(`Screenshots:\n  ${relative(process.cwd(), desktopShot)}\n  ${relative(process.cwd(), panelShot)}`);
  console.log('Run `npm run sim` to keep the simulator running on its own.');
  await cleanup();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
