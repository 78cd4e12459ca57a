import type { Page } from '@playwright/test';

/**
 * What the simulated desktop page itself sees: the reply box's value (`__simDesktop`) and the
 * input events its own listeners receive, as a framework's would.
 */
export async function watchComposerInput(desktop: Page): Promise<void> {
  await desktop.evaluate(() => {
    const scope = window as unknown as { __inputEvents?: { inputType: string; data: string | null; trusted: boolean }[] };
    scope.__inputEvents = [];
    document.addEventListener(
      'input',
      (event) => scope.__inputEvents?.push({ inputType: event.inputType, data: event.data, trusted: event.isTrusted }),
      true,
    );
  });
}

export async function composerInputEvents(desktop: Page): Promise<{ inputType: string; data: string | null; trusted: boolean }[]> {
  return desktop.evaluate(() => (window as unknown as { __inputEvents?: { inputType: string; data: string | null; trusted: boolean }[] }).__inputEvents ?? []);
}

export async function composerValue(desktop: Page): Promise<string> {
  return desktop.evaluate(() => (window as unknown as { __simDesktop: { composerValue(): string } }).__simDesktop.composerValue());
}

/** Counts clicks on the desktop's Send button and Enter key presses in the composer: insert must never send. */
export async function watchSends(desktop: Page): Promise<void> {
  await desktop.evaluate(() => {
    const scope = window as unknown as { __sends?: number };
    scope.__sends = 0;
    document.addEventListener('click', (event) => {
      if ((event.target as Element | null)?.closest('.send-button')) scope.__sends = (scope.__sends ?? 0) + 1;
    }, true);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') scope.__sends = (scope.__sends ?? 0) + 1;
    }, true);
  });
}

export async function sendCount(desktop: Page): Promise<number> {
  return desktop.evaluate(() => (window as unknown as { __sends?: number }).__sends ?? 0);
}

/** Agent messages in the transcript (what Send would have added). */
export async function agentMessageCount(desktop: Page): Promise<number> {
  return desktop.locator('.message[data-author="agent"]').count();
}
