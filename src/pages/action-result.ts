import type { SignInFailure } from '../shared/messages';
import { WorkerRequestError } from '../shared/worker-request';
import { errorText } from './error-text';

/** A failed action, already separated from whatever threw it. `code` is a WorkerRequestError code or 'failed'. */
export interface ActionFailure {
  code: string;
  message: string;
  /** A sign-in the login host refused, with what the admin must check. */
  signIn?: SignInFailure;
}

/** What a button's handler gets back: never a throw, so every failure reaches the screen. */
export type ActionResult = { ok: true } | ({ ok: false } & ActionFailure);

export function failureOf(error: unknown): ActionFailure {
  if (error instanceof WorkerRequestError) return { code: error.code, message: error.message };
  return { code: 'failed', message: errorText(error) };
}

export async function attempt(action: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await action();
    return { ok: true };
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}
