import { escapeHtml } from './http-helpers';
import { USERS, type SimulatorUser } from './users';

/** The HTML the login host shows: the sign-in page and the error page for untrusted requests. */

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; background: #f2f4f7; color: #1f2933; margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { background: #fff; border-radius: 8px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.12); padding: 32px 40px; width: 340px; }
  h1 { font-size: 20px; margin: 0 0 4px; } .brand { color: #ff4f1f; font-weight: 600; margin: 0 0 20px; }
  .actions { display: flex; gap: 8px; margin-top: 24px; }
  button { font: inherit; padding: 8px 16px; border-radius: 4px; border: 1px solid #8a96a3; background: #fff; cursor: pointer; }
  button#sign-in { background: #2a60c8; border-color: #2a60c8; color: #fff; }
  code { word-break: break-all; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

/** Links that reload the page as another simulated user (`login_hint`), e.g. `#as-supervisor`. */
function otherUsers(user: SimulatorUser, params: Readonly<Record<string, string>>): string {
  const links = USERS.filter((other) => other.id !== user.id).map((other) => {
    const query = new URLSearchParams({ ...params, login_hint: other.loginHint });
    return `<a id="as-${escapeHtml(other.loginHint)}" href="/oauth/authorize?${escapeHtml(query.toString())}">${escapeHtml(other.name)}</a>`;
  });
  return `<p class="switch">Not you? Sign in as ${links.join(' or ')}.</p>`;
}

/** The consent page: one user, Sign in or Cancel, every authorize parameter carried in hidden fields. */
export function loginPage(user: SimulatorUser, params: Readonly<Record<string, string>>): string {
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n    ');
  return page(
    'Genesys Cloud (simulator) – Sign in',
    `<p class="brand">Genesys Cloud (simulator)</p>
  <h1>Sign in</h1>
  <p>Continue as <strong id="user-name">${escapeHtml(user.name)}</strong> (${escapeHtml(user.email)}) and let
  <strong>${escapeHtml(params.client_id ?? '')}</strong> use your account.</p>
  <form method="post" action="/oauth/authorize/decision">
    ${hidden}
    <div class="actions">
      <button id="sign-in" type="submit" name="decision" value="approve">Sign in</button>
      <button id="deny" type="submit" name="decision" value="deny">Cancel</button>
    </div>
  </form>
  ${otherUsers(user, params)}`,
  );
}

/** Shown instead of redirecting when the client or redirect URI cannot be trusted (RFC 6749 §4.1.2.1). */
export function errorPage(message: string): string {
  return page('Genesys Cloud (simulator) – Sign-in error', `<p class="brand">Genesys Cloud (simulator)</p><h1>Sign-in error</h1><p id="error">${escapeHtml(message)}</p>`);
}
