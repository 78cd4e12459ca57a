import * as z from 'zod/mini';
/** Channels we distinguish. Desktop profiles map whatever the page shows onto these. */
export declare const CHANNELS: readonly ["voice", "chat", "message", "email", "callback", "unknown"];
export declare const Channel: z.ZodMiniEnum<{
    email: "email";
    voice: "voice";
    chat: "chat";
    message: "message";
    callback: "callback";
    unknown: "unknown";
}>;
export type Channel = z.infer<typeof Channel>;
/** Genesys ids are UUIDs; other desktops may use other opaque ids. Keep them boring and bounded. */
export declare const ConversationId: z.ZodMiniString<string>;
export declare const TurnRole: z.ZodMiniEnum<{
    customer: "customer";
    agent: "agent";
}>;
export type TurnRole = z.infer<typeof TurnRole>;
export declare const MAX_TURN_CHARS = 4000;
export declare const MAX_TURNS = 200;
export declare const Turn: z.ZodMiniObject<{
    role: z.ZodMiniEnum<{
        customer: "customer";
        agent: "agent";
    }>;
    text: z.ZodMiniString<string>;
}, z.core.$strip>;
export type Turn = z.infer<typeof Turn>;
/** The agent, as the API describes them (GET /api/v2/users/me?expand=skills). */
export declare const Agent: z.ZodMiniObject<{
    id: z.ZodMiniString<string>;
    name: z.ZodMiniString<string>;
    skills: z.ZodMiniArray<z.ZodMiniString<string>>;
}, z.core.$strip>;
export type Agent = z.infer<typeof Agent>;
