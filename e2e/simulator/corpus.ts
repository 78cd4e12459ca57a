import type { ScorableArticle } from './scoring';

/**
 * The knowledge corpus the recommendations query scores. Realistic contact-centre articles in four
 * knowledge bases. Some are stale (`ageDays` > 7, the extension's default freshness limit), some are
 * capped below the default 0.80 relevance threshold, some carry markup, so the extension's filters
 * and its HTML handling have something to do. `publishedDate` is computed from `ageDays` at request
 * time, so a stale article stays stale whenever the tests run.
 */

export interface Article extends ScorableArticle {
  /** Plain text or a small HTML fragment. */
  content: string;
  /** Days between publication and the request. */
  ageDays: number;
}

export interface KnowledgeBase {
  id: string;
  name: string;
  /** The routing skill whose agents mostly need it. */
  skill: string;
}

export const knowledgeBases: readonly KnowledgeBase[] = [
  { id: 'kb-billing', name: 'Billing & Payments', skill: 'Billing' },
  { id: 'kb-devices', name: 'Mobile Devices', skill: 'Mobile Devices' },
  { id: 'kb-shipping', name: 'Orders, Shipping & Returns', skill: 'Returns' },
  { id: 'kb-accounts', name: 'Accounts & Security', skill: 'Accounts' },
];

const billing: Article[] = [
  {
    id: 'billing-double-charge',
    sourceId: 'kb-billing',
    title: 'Refund a duplicate (double) charge',
    keywords: ['double charge', 'charged twice', 'duplicate charge', 'duplicate payment', 'two payments', 'same amount', 'refund', 'bank statement'],
    ageDays: 2,
    content:
      '<p>When a customer sees the <strong>same amount taken twice</strong>, check the payment history before promising anything.</p>' +
      '<ul><li>Both payments <strong>settled</strong>: raise a duplicate-payment refund (Billing → Payments → Refund).</li>' +
      '<li>One payment still <em>pending</em>: it is an authorisation hold and drops off by itself within 3 working days.</li></ul>' +
      '<p>Tell the customer the refund reference and that it reaches their card in 3–5 working days.</p>',
  },
  {
    id: 'billing-refund-timeline',
    sourceId: 'kb-billing',
    title: 'How long a refund takes to reach the card',
    keywords: ['refund', 'refund take', 'refund status', 'back to my card', 'working days', 'refund card'],
    ageDays: 4,
    content:
      '<p>Card refunds take <strong>3–5 working days</strong> after we raise them; some banks show them as pending for 2 more days.</p>' +
      '<p>Bank transfers take 1–2 working days. If nothing arrives after 10 working days, send the customer the ' +
      '<a href="https://help.example.com/refund-letter">refund confirmation letter</a> for their bank.</p>',
  },
  {
    id: 'billing-refund-policy-2023',
    sourceId: 'kb-billing',
    title: 'Refund policy for duplicate payments (2023 edition)',
    keywords: ['refund', 'duplicate payment', 'charged twice', 'double charge', 'refund policy'],
    ageDays: 210,
    content:
      'Archived: duplicate payments are refunded by cheque within 28 days. Superseded by the card refund process; kept for audits.',
  },
  {
    id: 'billing-pending-authorisation',
    sourceId: 'kb-billing',
    title: 'Pending authorisations that look like a second charge',
    keywords: ['pending authorisation', 'authorisation hold', 'pending', 'charged twice', 'bank statement', 'temporary hold'],
    ageDays: 3,
    scoreCap: 0.62,
    content:
      'Card checks place a temporary authorisation hold for the bill amount. It shows as pending on the bank statement and ' +
      'disappears within 3 working days without any action. Only a settled second payment is a real duplicate.',
  },
  {
    id: 'billing-invoice-copy',
    sourceId: 'kb-billing',
    title: 'Send a copy of an invoice',
    keywords: ['invoice', 'copy of invoice', 'pdf', 'resend invoice', 'receipt', 'billing history'],
    ageDays: 5,
    content:
      '<p>Invoices from the last 24 months are under <strong>Billing history</strong>. Use <em>Resend</em> to email a PDF to the ' +
      'address on the account; for older invoices raise a request to Finance.</p>',
  },
  {
    id: 'billing-update-card',
    sourceId: 'kb-billing',
    title: 'Update the card on file',
    keywords: ['update card', 'new card', 'expired card', 'payment method', 'card details'],
    ageDays: 6,
    content: 'Never take card numbers in chat or on a call. Send the secure payment-method link; the customer enters the new card details there.',
  },
  {
    id: 'billing-failed-payment',
    sourceId: 'kb-billing',
    title: 'Declined or failed payments',
    keywords: ['declined', 'payment failed', 'failed payment', 'insufficient funds', 'retry payment'],
    ageDays: 1,
    content:
      '<p>A declined payment is retried automatically after 3 days. The customer can pay now from the app.</p>' +
      '<ul><li>Declined twice: services stay on for 14 days.</li><li>Declined three times: a late fee applies.</li></ul>',
  },
  {
    id: 'billing-late-fee',
    sourceId: 'kb-billing',
    title: 'Waive a late payment fee',
    keywords: ['late fee', 'late payment', 'waive fee', 'overdue'],
    ageDays: 20,
    content: 'Agents may waive one late fee per customer per 12 months. Note the reason on the account.',
  },
  {
    id: 'billing-proration',
    sourceId: 'kb-billing',
    title: 'Prorated charges after a plan change',
    keywords: ['prorated', 'proration', 'plan change', 'upgrade', 'higher bill', 'partial month'],
    ageDays: 3,
    content: 'A plan change mid-cycle bills the old plan and the new plan for the days each was active. The next bill is back to normal.',
  },
  {
    id: 'billing-chargeback',
    sourceId: 'kb-billing',
    title: 'Customer disputed a payment with their bank (chargeback)',
    keywords: ['chargeback', 'dispute', 'disputed payment', 'bank dispute', 'fraud'],
    ageDays: 45,
    content: 'Do not refund a payment that is under a bank dispute: the customer would be paid twice. Transfer to the Disputes queue.',
  },
  {
    id: 'billing-vat-invoice',
    sourceId: 'kb-billing',
    title: 'VAT and company details on invoices',
    keywords: ['vat', 'tax', 'vat number', 'company invoice', 'invoice'],
    ageDays: 90,
    content: 'Business customers can add a VAT number and company name; they appear on invoices issued after the change.',
  },
  {
    id: 'billing-autopay',
    sourceId: 'kb-billing',
    title: 'Turn automatic payments on or off',
    keywords: ['autopay', 'automatic payment', 'direct debit', 'recurring payment'],
    ageDays: 2,
    content: 'Automatic payments are managed in the app under Billing → Payment settings. Changes apply from the next bill.',
  },
  {
    id: 'billing-goodwill-credit',
    sourceId: 'kb-billing',
    title: 'Goodwill credit for service problems',
    keywords: ['goodwill', 'credit', 'compensation', 'outage', 'apology'],
    ageDays: 1,
    scoreCap: 0.55,
    content: 'Agents can add a goodwill credit of up to 10 € for a documented service problem. Larger amounts need a team lead.',
  },
];

const devices: Article[] = [
  {
    id: 'devices-phone-not-charging',
    sourceId: 'kb-devices',
    title: "Phone won't charge: troubleshooting",
    keywords: ['phone charge', 'charger', 'charging cable', 'cable', 'charging port', 'plug in', 'lint', 'battery'],
    ageDays: 3,
    content:
      '<p>Work through these steps with the customer:</p>' +
      '<ul><li>Try another <strong>cable and charger</strong> (original if possible).</li>' +
      '<li>Check the <strong>charging port</strong> for lint; clean it gently with a wooden toothpick.</li>' +
      '<li>Leave the phone on charge for 30 minutes, then force-restart it.</li></ul>' +
      '<p>Still not charging? Book a port repair (see <a href="https://help.example.com/devices/repair">repairs</a>).</p>',
  },
  {
    id: 'devices-charging-port-repair',
    sourceId: 'kb-devices',
    title: 'Book a charging port repair',
    keywords: ['charging port', 'repair', 'port repair', 'book repair', 'port', 'courier collection'],
    ageDays: 2,
    content:
      '<p>Port repairs are <strong>free within warranty</strong> (24 months) unless there is liquid damage. Book a courier collection ' +
      'or a store appointment from Devices → Repairs; the customer gets a loan phone on request.</p>',
  },
  {
    id: 'devices-battery-drain',
    sourceId: 'kb-devices',
    title: 'Battery drains quickly',
    keywords: ['battery drain', 'battery life', 'battery dies', 'drains fast', 'background apps'],
    ageDays: 5,
    content: 'Check battery health in Settings → Battery. Below 80 % the battery is replaced free within warranty.',
  },
  {
    id: 'devices-warranty-claim',
    sourceId: 'kb-devices',
    title: 'Warranty claims for handsets (old process)',
    keywords: ['warranty', 'repair', 'charging port', 'phone charge', 'faulty', 'replacement'],
    ageDays: 150,
    content: 'Superseded: warranty repairs were booked by phone with the manufacturer. Use Devices → Repairs instead.',
  },
  {
    id: 'devices-wireless-charging',
    sourceId: 'kb-devices',
    title: 'Wireless charging pads: which phones work',
    keywords: ['wireless charging', 'wireless charger', 'charging pad', 'qi'],
    ageDays: 4,
    scoreCap: 0.58,
    content: 'All Nova phones from the Nova 10 on support Qi wireless charging at up to 15 W. Cases thicker than 5 mm stop it.',
  },
  {
    id: 'devices-sim-activation',
    sourceId: 'kb-devices',
    title: 'Activate a new SIM card',
    keywords: ['sim card', 'activate sim', 'new sim', 'sim activation', 'no service'],
    ageDays: 1,
    content:
      '<p>New SIMs activate within <strong>2 hours</strong>. If the phone still shows <em>No service</em>:</p>' +
      '<ul><li>Restart the phone.</li><li>Check the SIM is not PIN-locked.</li><li>Re-send the activation from Devices → SIM.</li></ul>',
  },
  {
    id: 'devices-esim-setup',
    sourceId: 'kb-devices',
    title: 'Set up an eSIM',
    keywords: ['esim', 'qr code', 'esim transfer', 'digital sim'],
    ageDays: 6,
    content: 'Send the eSIM QR code to the email on the account. It can be scanned once; a new phone needs a new code.',
  },
  {
    id: 'devices-roaming',
    sourceId: 'kb-devices',
    title: 'Using the phone abroad (roaming)',
    keywords: ['roaming', 'abroad', 'travel', 'data roaming', 'international calls'],
    ageDays: 2,
    content: 'Roaming is on by default in the EU. Elsewhere the customer adds a travel pass from the app before leaving.',
  },
  {
    id: 'devices-no-signal',
    sourceId: 'kb-devices',
    title: 'No signal or "SOS only"',
    keywords: ['no signal', 'sos only', 'coverage', 'network outage', 'signal bars'],
    ageDays: 60,
    content: 'Check the coverage map and open outages first. Then reset network settings on the phone.',
  },
  {
    id: 'devices-software-update',
    sourceId: 'kb-devices',
    title: 'Install a software update',
    keywords: ['software update', 'update', 'android update', 'ios update', 'restart'],
    ageDays: 12,
    content: 'Updates need 50 % battery and Wi-Fi. An update that stops at the logo is fixed by a forced restart.',
  },
  {
    id: 'devices-water-damage',
    sourceId: 'kb-devices',
    title: 'Phone got wet (liquid damage)',
    keywords: ['water damage', 'wet', 'dropped in water', 'liquid damage'],
    ageDays: 3,
    content: 'Liquid damage is not covered by the warranty. Offer the insured repair if the customer has device insurance.',
  },
  {
    id: 'devices-cracked-screen',
    sourceId: 'kb-devices',
    title: 'Cracked screen replacement',
    keywords: ['cracked screen', 'broken screen', 'screen repair', 'display'],
    ageDays: 200,
    content: 'Screen replacements cost 129 € without insurance; 25 € excess with insurance.',
  },
  {
    id: 'devices-network-unlock',
    sourceId: 'kb-devices',
    title: 'Unlock a phone for another network',
    keywords: ['unlock phone', 'network unlock', 'another network', 'carrier lock'],
    ageDays: 8,
    content: 'Phones are unlocked free once the device plan is paid off. The unlock code arrives by SMS within 24 hours.',
  },
];

const shipping: Article[] = [
  {
    id: 'shipping-lost-parcel',
    sourceId: 'kb-shipping',
    title: 'Parcel marked delivered but not received',
    keywords: ['delivered', 'not received', 'never received', 'parcel', 'missing', 'neighbours', 'tracking says delivered', 'lost parcel'],
    ageDays: 2,
    content:
      '<p>Before anything else:</p>' +
      '<ul><li>Confirm the delivery address and the delivery photo in the <strong>tracking page</strong>.</li>' +
      '<li>Ask the customer to check with neighbours and safe places.</li>' +
      '<li>Still missing after 24 hours: open a <strong>lost-parcel investigation</strong>.</li></ul>',
  },
  {
    id: 'shipping-lost-parcel-investigation',
    sourceId: 'kb-shipping',
    title: 'Open a lost parcel investigation with the carrier',
    keywords: ['lost parcel', 'investigation', 'carrier', 'courier', 'missing', 'replacement parcel'],
    ageDays: 4,
    content:
      '<p>Open the investigation from Orders → Shipment → <strong>Report lost</strong>. The carrier answers within <strong>48 hours</strong>; ' +
      'then send a replacement or a refund, whichever the customer prefers. See the ' +
      '<a href="https://help.example.com/shipping/lost">carrier claim guide</a>.</p>',
  },
  {
    id: 'shipping-track-parcel',
    sourceId: 'kb-shipping',
    title: 'Track a parcel',
    keywords: ['tracking number', 'track parcel', 'where is my order', 'tracking'],
    ageDays: 1,
    content: 'The tracking link is in the dispatch email and in Orders. Tracking updates can lag the courier by up to 6 hours.',
  },
  {
    id: 'shipping-delivery-delays',
    sourceId: 'kb-shipping',
    title: 'Late deliveries: what to tell customers',
    keywords: ['late', 'delay', 'delayed delivery', 'already late', 'birthday', 'estimated delivery'],
    ageDays: 3,
    scoreCap: 0.6,
    content: 'Apologise, share the new estimate from the tracking page, and offer a delivery-fee refund if the order is more than 3 days late.',
  },
  {
    id: 'shipping-lost-parcel-2022',
    sourceId: 'kb-shipping',
    title: 'Lost parcel procedure (previous courier contract)',
    keywords: ['lost parcel', 'delivered', 'not received', 'never received', 'courier', 'missing', 'investigation'],
    ageDays: 380,
    content: 'Archived: claims with the previous courier took 10 working days and needed a signed form from the customer.',
  },
  {
    id: 'shipping-returns-label',
    sourceId: 'kb-shipping',
    title: 'Send a prepaid returns label',
    keywords: ['return label', 'returns label', 'prepaid label', 'send back', 'return'],
    ageDays: 2,
    content:
      '<p>Generate the label from Orders → <strong>Start a return</strong>. The customer can print it or show the QR code at a drop-off point.</p>',
  },
  {
    id: 'shipping-return-window',
    sourceId: 'kb-shipping',
    title: 'Return window and conditions',
    keywords: ['return window', 'return', 'unopened', 'exchange', 'days to return'],
    ageDays: 35,
    content: 'Items can be returned within 30 days, unused and in their packaging. Opened headphones cannot be returned for hygiene reasons.',
  },
  {
    id: 'shipping-change-delivery-address',
    sourceId: 'kb-shipping',
    title: 'Change the delivery address of an order',
    keywords: ['delivery address', 'change delivery address', 'wrong address', 'redirect parcel'],
    ageDays: 5,
    content: 'The address can change until the order is dispatched. After dispatch the customer can redirect it from the courier link.',
  },
  {
    id: 'shipping-damaged-item',
    sourceId: 'kb-shipping',
    title: 'Item arrived damaged',
    keywords: ['arrived damaged', 'damaged', 'broken on arrival', 'photo of damage'],
    ageDays: 6,
    content: 'Ask for a photo of the item and the box, then send a replacement without waiting for the return.',
  },
  {
    id: 'shipping-customs-fees',
    sourceId: 'kb-shipping',
    title: 'International orders and customs fees',
    keywords: ['customs', 'import duty', 'international shipping', 'customs fees'],
    ageDays: 70,
    content: 'Orders shipped outside the EU may owe import duty, paid by the customer to the courier on delivery.',
  },
  {
    id: 'shipping-click-collect',
    sourceId: 'kb-shipping',
    title: 'Click and collect',
    keywords: ['click and collect', 'collect in store', 'pickup', 'parcel locker'],
    ageDays: 3,
    content: 'Orders wait 7 days in store or 3 days in a locker. The collection code is in the "ready to collect" email.',
  },
  {
    id: 'shipping-wrong-item',
    sourceId: 'kb-shipping',
    title: 'Wrong item received',
    keywords: ['wrong item', 'different item', 'item ordered', 'exchange'],
    ageDays: 4,
    content: 'Send the right item at once and a returns label for the wrong one; no need to wait for it to come back.',
  },
];

const accounts: Article[] = [
  {
    id: 'accounts-password-reset',
    sourceId: 'kb-accounts',
    title: 'Reset a forgotten password',
    keywords: ['forgot password', 'password reset', 'reset link', 'password', 'sign in', 'reset'],
    ageDays: 1,
    content:
      '<p>Send the reset link from Accounts → Security → <strong>Send password reset</strong>. The link is valid for <strong>30 minutes</strong> ' +
      'and only the newest link works.</p><p>Never set a password for the customer.</p>',
  },
  {
    id: 'accounts-2fa-new-phone',
    sourceId: 'kb-accounts',
    title: 'Two-factor codes after changing phones',
    keywords: ['two factor', 'verification code', 'changed phones', 'new phone', 'lost phone', 'authentication', '2fa'],
    ageDays: 3,
    content:
      '<p>After <strong>identity verification</strong> (two security questions, or an ID check for business accounts), move two-factor ' +
      'authentication to the new number under Accounts → Security → 2FA. Codes to the old phone stop at once.</p>',
  },
  {
    id: 'accounts-locked-account',
    sourceId: 'kb-accounts',
    title: 'Account locked after too many attempts',
    keywords: ['account locked', 'locked', 'too many attempts', 'unlock account', 'locked out'],
    ageDays: 5,
    content: 'Accounts lock for 30 minutes after 5 failed sign-ins. Agents can unlock earlier after verifying identity.',
  },
  {
    id: 'accounts-reset-email-missing',
    sourceId: 'kb-accounts',
    title: 'Reset emails that do not arrive',
    keywords: ['email never arrived', 'spam', 'junk', 'reset email'],
    ageDays: 2,
    scoreCap: 0.6,
    content: 'Check the email address on the account and the spam folder; resend once. Corporate filters sometimes hold our emails for an hour.',
  },
  {
    id: 'accounts-security-policy-2021',
    sourceId: 'kb-accounts',
    title: 'Password and two-factor policy (2021)',
    keywords: ['password reset', 'two factor', 'verification code', 'forgot password', 'security questions'],
    ageDays: 300,
    content: 'Archived: password resets required a call-back to the number on file. Replaced by the self-service reset link.',
  },
  {
    id: 'accounts-change-email',
    sourceId: 'kb-accounts',
    title: 'Change the email address on an account',
    keywords: ['change email address', 'new email address', 'update email address'],
    ageDays: 4,
    content: 'The new address must be confirmed from a link sent to it. The old address is told about the change.',
  },
  {
    id: 'accounts-change-address',
    sourceId: 'kb-accounts',
    title: 'Update a home or billing address',
    keywords: ['change address', 'new address', 'moved house', 'home address', 'billing address'],
    ageDays: 2,
    content: 'Update the address under Accounts → Profile. Orders already dispatched keep their old delivery address.',
  },
  {
    id: 'accounts-cancel-contract',
    sourceId: 'kb-accounts',
    title: 'Cancel a subscription or contract',
    keywords: ['cancel', 'cancellation', 'cancel subscription', 'end contract', 'close account'],
    ageDays: 3,
    content:
      '<p>Check for an early-termination fee before confirming. Offer the retention options once; if the customer still wants to leave, ' +
      'cancel from Accounts → Contract → <strong>Cancel</strong>.</p>',
  },
  {
    id: 'accounts-delete-data',
    sourceId: 'kb-accounts',
    title: 'Delete an account and personal data (GDPR)',
    keywords: ['delete account', 'gdpr', 'personal data', 'erase data', 'privacy'],
    ageDays: 50,
    content: 'Raise an erasure request from the Privacy form. We must answer within one month.',
  },
  {
    id: 'accounts-authorised-user',
    sourceId: 'kb-accounts',
    title: 'Add an authorised user to an account',
    keywords: ['authorised user', 'authorized user', 'add user', 'family member', 'partner access'],
    ageDays: 6,
    content: 'The account holder adds authorised users from the app; agents cannot add them over chat.',
  },
  {
    id: 'accounts-name-change',
    sourceId: 'kb-accounts',
    title: "Change the account holder's name",
    keywords: ['name change', 'change name', 'married', 'deed poll'],
    ageDays: 100,
    content: 'A name change needs a document showing both names (marriage certificate, deed poll).',
  },
  {
    id: 'accounts-suspicious-login',
    sourceId: 'kb-accounts',
    title: 'Suspicious sign-in alerts',
    keywords: ['suspicious', 'unknown device', 'hacked', 'sign in alert', 'unrecognised login'],
    ageDays: 1,
    content: 'Sign the account out everywhere, reset the password with the customer, and turn on two-factor authentication.',
  },
];

export const articles: readonly Article[] = [...billing, ...devices, ...shipping, ...accounts];

/**
 * Marker replaced by the simulator origin when hostile articles are served: the payloads must reach
 * the simulator from wherever they run (the side panel is a chrome-extension:// page, where a
 * relative URL would not).
 */
export const HOSTILE_ORIGIN_PLACEHOLDER = '{{SIM_ORIGIN}}';

function beacon(id: string): string {
  return `fetch('${HOSTILE_ORIGIN_PLACEHOLDER}/__sim/hostile-executed?id=${id}')`;
}

/** Billing keywords so they surface (score ≥ 0.8, fresh) for the seeded double-charge conversation. */
const HOSTILE_KEYWORDS = ['refund', 'double charge', 'charged twice', 'duplicate charge', 'duplicate payment', 'bank statement'];

/**
 * Articles whose content tries to run script (docs/performance.md R4). Served only with `hostileContent: true`.
 * Each payload calls `GET /__sim/hostile-executed?id=<articleId>`, so a test can tell if one ran.
 */
export const hostileArticles: readonly Article[] = [
  {
    id: 'hostile-script-tag',
    sourceId: 'kb-billing',
    title: 'Refund a double charge <script>' + beacon('hostile-script-tag-title') + '</script>',
    keywords: HOSTILE_KEYWORDS,
    ageDays: 1,
    content: `<p>Refunds for duplicate charges.</p><script>${beacon('hostile-script-tag')}</script>`,
  },
  {
    id: 'hostile-img-onerror',
    sourceId: 'kb-billing',
    title: 'Duplicate charge refund checklist',
    keywords: HOSTILE_KEYWORDS,
    ageDays: 1,
    content: `<p>See the screenshot:</p><img src="x" onerror="${beacon('hostile-img-onerror')}">`,
  },
  {
    id: 'hostile-javascript-link',
    sourceId: 'kb-billing',
    title: 'Refund form for customers charged twice',
    keywords: HOSTILE_KEYWORDS,
    ageDays: 1,
    content: `<p>Open the <a href="javascript:${beacon('hostile-javascript-link')}">refund form</a> and fill it in.</p>`,
  },
  {
    id: 'hostile-svg-onload',
    sourceId: 'kb-billing',
    title: 'Refund flow diagram',
    keywords: HOSTILE_KEYWORDS,
    ageDays: 1,
    content: `<svg xmlns="http://www.w3.org/2000/svg" onload="${beacon('hostile-svg-onload')}"><circle r="4"/></svg><p>Refund flow.</p>`,
  },
  {
    id: 'hostile-iframe-srcdoc',
    sourceId: 'kb-billing',
    title: 'Refund calculator',
    keywords: HOSTILE_KEYWORDS,
    ageDays: 1,
    content: `<iframe srcdoc="<script>parent.${beacon('hostile-iframe-srcdoc')}</script>"></iframe><p>Duplicate charge refunds.</p>`,
  },
  {
    id: 'hostile-event-attributes',
    sourceId: 'kb-billing',
    title: 'Double charge FAQ',
    keywords: HOSTILE_KEYWORDS,
    ageDays: 1,
    content:
      `<details open ontoggle="${beacon('hostile-event-attributes')}"><summary>Refund</summary>` +
      `<p onmouseover="${beacon('hostile-event-attributes-hover')}">Refund the duplicate charge.</p></details>`,
  },
  {
    // Structure the panel keeps (paragraphs, a list, emphasis, an https link) wrapped around what it
    // must not: attributes that style, click, ping or navigate, links that are not https, a form.
    id: 'hostile-structure',
    sourceId: 'kb-billing',
    title: 'Duplicate charge refund steps',
    keywords: HOSTILE_KEYWORDS,
    ageDays: 1,
    content:
      `<p class="card" style="position:fixed;inset:0;background:red" onclick="${beacon('hostile-structure-click')}">Check <strong>both</strong> payments, then <em>refund</em> one.</p>` +
      `<ol><li><a href="https://help.example.com/refunds" target="_self" ping="${HOSTILE_ORIGIN_PLACEHOLDER}/__sim/hostile-executed?id=hostile-structure-ping" onclick="${beacon('hostile-structure-link')}">Refund guide</a></li>` +
      `<li><a href="${HOSTILE_ORIGIN_PLACEHOLDER}/__sim/hostile-executed?id=hostile-structure-http">plain http link</a></li>` +
      `<li><a href="data:text/html,<script>${beacon('hostile-structure-data')}</script>">data link</a></li></ol>` +
      `<form action="${HOSTILE_ORIGIN_PLACEHOLDER}/__sim/hostile-executed?id=hostile-structure-form"><button>Send</button></form>` +
      `<meta http-equiv="refresh" content="0;url=${HOSTILE_ORIGIN_PLACEHOLDER}/__sim/hostile-executed?id=hostile-structure-refresh">`,
  },
];

/** A hostile article's text with the beacon pointed at this simulator. */
export function withOrigin(text: string, origin: string): string {
  return text.split(HOSTILE_ORIGIN_PLACEHOLDER).join(origin);
}
