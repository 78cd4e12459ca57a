import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from './server';

/** The realistic desktop's pages (docs/desktop-profile.md) are served beside the simple one. */
describe('realistic desktop pages', () => {
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, latencyMs: 0 });
  });
  afterAll(async () => {
    await simulator.close();
  });

  it('serves the Ember-like top frame and the messaging gadget, with correlation ids', async () => {
    const top = await fetch(`${simulator.origin}/directory/`);
    expect(top.status).toBe(200);
    expect(top.headers.get('content-type')).toContain('text/html');
    expect(top.headers.get('ININ-Correlation-Id')).toBeTruthy();
    const gadget = await fetch(`${simulator.origin}/messaging-gadget/messaging-gadget.html`);
    expect(gadget.status).toBe(200);
    expect(await gadget.text()).toContain('messaging-gadget.js');
    const script = await fetch(`${simulator.origin}/messaging-gadget/messaging-gadget.js`);
    expect(await script.text()).toContain('message-history');
  });

  it('answers an unknown realistic path with a 404, not the simple desktop', async () => {
    const missing = await fetch(`${simulator.origin}/messaging-gadget/nope.js`);
    expect(missing.status).toBe(404);
  });
});
