import { signInFromPanel } from '../support/agent-desktop';
import { evaluateInContentScript } from '../support/content-script-world';
import { expect, test } from '../support/fixtures';
import { recordedRequests } from '../support/simulator-control';

test.use({ deskOptions: { signedIn: false } });

test('the agent signs in with PKCE and sees their name; the token never reaches the page', async ({ context, serviceWorker, simulator, desk }) => {
  const { desktop, panel } = desk;

  await expect(panel.getByTestId('panel')).toHaveAttribute('data-status', 'signed-out');
  await signInFromPanel(context, panel);
  await expect(panel.getByTestId('user-name')).toHaveText('Alex Agent');
  await expect(panel.getByRole('button', { name: 'Sign in', exact: true })).toHaveCount(0);

  // The simulator saw a real PKCE exchange: S256 challenge at authorize, verifier at the token endpoint.
  const [authorize] = await recordedRequests(simulator.origin, 'authorize');
  expect(authorize?.path).toContain('code_challenge_method=S256');
  const [token] = await recordedRequests(simulator.origin, 'token');
  expect(token?.status).toBe(200);
  expect(token?.body).toMatchObject({ grant_type: 'authorization_code', client_id: 'agent-assist-sim' });
  expect(String((token?.body as Record<string, string>).code_verifier)).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);

  // The token is in the worker's session storage, and nowhere the desktop can reach.
  const accessToken = await serviceWorker.evaluate(async () => {
    const stored = await chrome.storage.session.get('auth:token');
    return (stored['auth:token'] as { accessToken: string }).accessToken;
  });
  expect(accessToken.length).toBeGreaterThan(10);
  const contentScriptView = await evaluateInContentScript<string>(
    desktop,
    `chrome.storage.session.get(null).then((all) => JSON.stringify(all), (error) => 'refused: ' + error.message)`,
  );
  expect(contentScriptView).toMatch(/^refused: /);
  const pageStorage = await desktop.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.documentElement.outerHTML);
  expect(pageStorage).not.toContain(accessToken);
});

test('signing out forgets the token, revokes it, and offers sign-in again', async ({ context, serviceWorker, simulator, newDesk }) => {
  const { panel } = await newDesk();
  await expect(panel.getByTestId('user-name')).toHaveText('Alex Agent');

  await panel.getByRole('button', { name: 'Sign out' }).click();
  await expect(panel.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(panel.getByTestId('user-name')).toHaveCount(0);
  // The panel follows the stored user, which sign-out forgets before it revokes the token
  // (src/background/auth/auth-service.ts): the revocation can still be on its way.
  await expect.poll(async () => (await recordedRequests(simulator.origin, 'tokens-me')).filter((request) => request.method === 'DELETE')).toHaveLength(1);
  expect(await serviceWorker.evaluate(() => chrome.storage.session.get('auth:token'))).toEqual({});

  // Signing in again shows the login page (prompt=login), where another user can sign in.
  const loginPage = context.waitForEvent('page', { predicate: (page) => page.url().includes('/oauth/authorize') });
  await panel.getByRole('button', { name: 'Sign in', exact: true }).click();
  const login = await loginPage;
  expect(new URL(login.url()).searchParams.get('prompt')).toBe('login');
  await login.locator('#as-supervisor').click();
  await login.waitForURL(/login_hint=supervisor/);
  await login.locator('#sign-in').click();
  await expect(panel.getByTestId('user-name')).toHaveText('Sam Supervisor');
});

test('a client id the login host does not know: the panel names the likely causes and the redirect URI to register', async ({ serviceWorker, simulator, newDesk }) => {
  const { panel } = await newDesk({ settings: { clientId: 'no-such-client' }, signedIn: false });
  const redirectUri = await serviceWorker.evaluate(() => chrome.identity.getRedirectURL());
  await panel.getByRole('button', { name: 'Sign in', exact: true }).click();
  const alert = panel.getByTestId('action-error');
  await expect(alert).toContainText('client ID "no-such-client"', { timeout: 15_000 });
  await expect(alert).toContainText(redirectUri);
  await expect(alert).toContainText(/redirect URI.*region/);
  await expect(alert).toContainText(new URL(simulator.origin).host);
  expect(await recordedRequests(simulator.origin, 'token')).toHaveLength(0);
});

test('closing the login window leaves the agent signed out with a clear message', async ({ context, simulator, desk }) => {
  const { panel } = desk;
  const loginPage = context.waitForEvent('page', { predicate: (page) => page.url().includes('/oauth/authorize') });
  await panel.getByRole('button', { name: 'Sign in', exact: true }).click();
  await (await loginPage).locator('#deny').click();
  await expect(panel.getByRole('alert')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
  expect(await recordedRequests(simulator.origin, 'token')).toHaveLength(0);
});
