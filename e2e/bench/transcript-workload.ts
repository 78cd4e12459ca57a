import type { Page } from '@playwright/test';

/**
 * The transcript workload of P4 and P5: customer and agent lines appended to the simulated
 * desktop one at a time at a steady pace, as a busy chat would, through the page's own code
 * (`__simDesktop.addMessage`). Resolves when the last one is on the page.
 */
const LINES = [
  ['customer', 'I was charged twice for my March bill, the same amount two times.'],
  ['agent', 'I am sorry about that. Let me look at your account.'],
  ['customer', 'It is £42.50 both times and I only have one plan.'],
  ['agent', 'I can see two payments on 3 March. One of them looks like a duplicate charge.'],
  ['customer', 'Is one of them just pending? My bank app shows both as taken.'],
  ['agent', 'Both have settled, so it is a real duplicate payment. I am raising the refund now.'],
  ['customer', 'Thanks. How long will the refund take to get back to my card?'],
  ['agent', 'Card refunds take three to five working days after we raise them.'],
] as const;

export async function appendMessages(desktop: Page, conversationId: string, count: number, intervalMs: number, label = 'line'): Promise<void> {
  await desktop.evaluate(
    async ({ id, total, interval, lines, prefix }) => {
      const sim = (window as unknown as { __simDesktop: { addMessage(id: string, author: string, text: string): void } }).__simDesktop;
      for (let index = 0; index < total; index++) {
        const [author, text] = lines[index % lines.length]!;
        sim.addMessage(id, author!, `${text} (${prefix} ${index + 1})`);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    },
    { id: conversationId, total: count, interval: intervalMs, lines: LINES.map((line) => [...line]), prefix: label },
  );
}

export async function selectConversation(desktop: Page, conversationId: string): Promise<void> {
  await desktop.evaluate((id) => (window as unknown as { __simDesktop: { select(id: string): Promise<void> | void } }).__simDesktop.select(id), conversationId);
}
