/**
 * The conversations the simulated desktop shows. Each has a scripted timeline: the first
 * `INITIAL_LINES` appear when it is selected, the rest arrive one by one. The customer lines are
 * written so the corpus answers them: for each conversation, at least two fresh articles score
 * ≥ 0.80 (shown by the extension), one fresh article scores below 0.80 and one ≥ 0.80 article is
 * stale (both hidden by the default filters). conversations.test.ts holds the simulator to that.
 */

export type SeedChannel = 'message' | 'chat' | 'voice' | 'email';
export type Author = 'customer' | 'agent' | 'system';

export interface TimelineLine {
  author: Exclude<Author, 'system'>;
  text: string;
}

export interface SeedConversation {
  id: string;
  channel: SeedChannel;
  customerName: string;
  /** One line for the conversation list. */
  subject: string;
  queue: string;
  timeline: TimelineLine[];
  /** What the extension should show and hide with default settings (documentation for tests). */
  expected: {
    topic: string;
    visible: string[];
    lowScore: string[];
    stale: string[];
  };
}

export const INITIAL_LINES = 2;
export const TIMELINE_INTERVAL_MS = 4000;

export const seedConversations: readonly SeedConversation[] = [
  {
    id: '5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a01',
    channel: 'message',
    customerName: 'Jordan Lee',
    subject: 'Charged twice for March',
    queue: 'Billing',
    timeline: [
      { author: 'customer', text: "Hi, I've just looked at my bank statement and I was charged twice for my March bill, the same amount two times." },
      { author: 'agent', text: "Hi Jordan, I'm sorry about that. Let me look at your account." },
      { author: 'customer', text: "It's £42.50 both times and I only have one plan. I'd like a refund for the double charge please." },
      { author: 'agent', text: 'I can see two payments of £42.50 on 3 March. One of them looks like a duplicate charge.' },
      { author: 'customer', text: 'Is one of them just pending? My bank app shows both as taken.' },
      { author: 'agent', text: "Both have settled, so it's a real duplicate payment. I'm raising the refund now." },
      { author: 'customer', text: 'Thanks. How long will the refund take to get back to my card?' },
      { author: 'agent', text: 'Refunds usually reach your card within 3 to 5 working days. Your reference is RF-20931.' },
    ],
    expected: {
      topic: 'double charge → refund (kb-billing)',
      visible: ['billing-double-charge', 'billing-refund-timeline'],
      lowScore: ['billing-pending-authorisation'],
      stale: ['billing-refund-policy-2023'],
    },
  },
  {
    id: '5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a02',
    channel: 'chat',
    customerName: 'Priya Shah',
    subject: "Phone won't charge",
    queue: 'Mobile Devices',
    timeline: [
      { author: 'customer', text: "Hello, my phone won't charge any more. I plug it in and nothing happens, it's not charging at all." },
      { author: 'agent', text: 'Hi Priya, sorry to hear that. Which model is it, and have you tried another charger?' },
      { author: 'customer', text: "It's a Nova 12. I tried two different cables and another charger, still not charging." },
      { author: 'agent', text: 'Thanks. Lint often builds up in the charging port. Could you have a look with a torch?' },
      { author: 'customer', text: 'There was some lint in the port. I cleaned it but the battery is still at 3%.' },
      { author: 'agent', text: 'Okay. Does it charge on a wireless charging pad, if you have one?' },
      { author: 'customer', text: "I don't have a wireless charger. The phone is only 8 months old, can you repair the charging port?" },
      { author: 'agent', text: "Yes, it's within warranty, so the repair is free. I'll book a courier collection for you." },
    ],
    expected: {
      topic: "phone won't charge (kb-devices)",
      visible: ['devices-phone-not-charging', 'devices-charging-port-repair'],
      lowScore: ['devices-wireless-charging'],
      stale: ['devices-warranty-claim'],
    },
  },
  {
    id: '5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a03',
    channel: 'voice',
    customerName: 'Marcus Bell',
    subject: 'Parcel never arrived',
    queue: 'Returns',
    // As a speech-to-text engine would give it: lower case, fillers, little punctuation.
    timeline: [
      { author: 'customer', text: "yeah hi um i'm calling because my parcel says delivered but i never received it" },
      { author: 'agent', text: "okay i'm sorry to hear that can i take your order number please" },
      { author: 'customer', text: "it's er four four seven one nine and the tracking says delivered on tuesday at two pm" },
      { author: 'agent', text: 'thank you i can see the courier marked it as delivered have you checked with your neighbours' },
      { author: 'customer', text: "yeah i asked both neighbours nobody has it the parcel is just missing" },
      { author: 'agent', text: "right so we'll treat it as a lost parcel and i'll open an investigation with the carrier" },
      { author: 'customer', text: "how long does that take it's a birthday present and it's already late" },
      { author: 'agent', text: 'the carrier usually answers within forty eight hours and then we send a replacement' },
    ],
    expected: {
      topic: 'parcel marked delivered, never received (kb-shipping)',
      visible: ['shipping-lost-parcel', 'shipping-lost-parcel-investigation'],
      lowScore: ['shipping-delivery-delays'],
      stale: ['shipping-lost-parcel-2022'],
    },
  },
  {
    id: '5b1f3c7e-2a4d-4e6f-8a9b-0c1d2e3f4a04',
    channel: 'email',
    customerName: 'Elena Rossi',
    subject: "Can't sign in: password reset and 2FA",
    queue: 'Accounts',
    timeline: [
      {
        author: 'customer',
        text: 'Hello, I forgot my password and asked for a password reset, but the reset email never arrived. I cannot sign in.',
      },
      { author: 'agent', text: "Dear Elena, thank you for your email. I'm sorry you are having trouble signing in." },
      {
        author: 'customer',
        text: 'I also changed phones last week, so the two factor verification code goes to my old phone, which I no longer have.',
      },
      { author: 'agent', text: 'Understood. Once we have verified your identity we can move two-factor authentication to your new phone.' },
      { author: 'customer', text: 'I checked spam and junk too, nothing there. Now it says my account is locked after too many attempts.' },
      { author: 'agent', text: 'I have unlocked your account and sent a new password reset link. It is valid for 30 minutes.' },
    ],
    expected: {
      topic: 'password reset + two-factor on a lost phone (kb-accounts)',
      visible: ['accounts-password-reset', 'accounts-2fa-new-phone', 'accounts-locked-account'],
      lowScore: ['accounts-reset-email-missing'],
      stale: ['accounts-security-policy-2021'],
    },
  },
];

/** The name the e2e specs import. */
export const SEED_CONVERSATIONS = seedConversations;

export function findSeedConversation(id: string): SeedConversation | undefined {
  return seedConversations.find((conversation) => conversation.id === id);
}

/** A timeline as the extension sends it: "Customer: …" / "Agent: …" lines. */
export function formatTimeline(lines: readonly TimelineLine[]): string {
  return lines.map((line) => `${line.author === 'customer' ? 'Customer' : 'Agent'}: ${line.text}`).join('\n');
}
