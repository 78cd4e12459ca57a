import * as z from 'zod/mini';
import { MAX_TURN_CHARS, MAX_TURNS } from './conversation-limits';

/** Channels we distinguish. Desktop profiles map whatever the page shows onto these. */
export const CHANNELS = ['voice', 'chat', 'message', 'email', 'callback', 'unknown'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Genesys ids are UUIDs; other desktops may use other opaque ids. Keep them boring and bounded. */
export const ConversationId = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9._:-]+$/));

export const TurnRole = z.enum(['customer', 'agent']);
export type TurnRole = z.infer<typeof TurnRole>;

export { MAX_TURN_CHARS, MAX_TURNS };

export const Turn = z.object({
  role: TurnRole,
  text: z.string().check(z.maxLength(MAX_TURN_CHARS)),
});
export type Turn = z.infer<typeof Turn>;

/** The agent, as the API describes them (GET /api/v2/users/me?expand=skills). */
export const Agent = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  skills: z.array(z.string()),
});
export type Agent = z.infer<typeof Agent>;
