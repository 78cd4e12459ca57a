import { simulatorSettings, startSimulator } from './server';

/** `npm run sim`: the simulator on PORT (default 4010) until Ctrl-C. */

const DEFAULT_PORT = 4010;

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got "${process.env.PORT ?? ''}"`);
  const simulator = await startSimulator({ port });
  const { origin } = simulator;
  console.log(`Genesys Cloud simulator on ${origin}`);
  console.log(`  Agent desktop:  ${origin}/desktop/   (add ?timeline=off to stop the scripted messages)`);
  console.log(`  Control API:    ${origin}/__sim`);
  console.log('  Extension settings (options page, or chrome.storage.local {settings: …}, simulator build):');
  console.log(JSON.stringify(simulatorSettings(origin), null, 2).replace(/^/gm, '    '));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
