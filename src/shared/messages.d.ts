import * as z from 'zod/mini';
/**
 * Every message that crosses a context boundary, in one table: its name (which says where it comes
 * from), the only kind of sender allowed to send it, and the schemas of its request and response.
 * The worker's router validates requests against this table; senders validate the responses.
 */
/** Who really sent a message, as established by the router from the browser's sender record. */
export type SenderKind = 'content-script' | 'extension-page';
/** What the content script reads off the desktop. The worker adds the tab and frame itself. */
export declare const DesktopContext: z.ZodMiniObject<{
    conversationId: z.ZodMiniNullable<z.ZodMiniString<string>>;
    channel: z.ZodMiniNullable<z.ZodMiniEnum<{
        email: "email";
        voice: "voice";
        chat: "chat";
        message: "message";
        callback: "callback";
        unknown: "unknown";
    }>>;
    transcript: z.ZodMiniArray<z.ZodMiniObject<{
        role: z.ZodMiniEnum<{
            customer: "customer";
            agent: "agent";
        }>;
        text: z.ZodMiniString<string>;
    }, z.core.$strip>>;
    profileId: z.ZodMiniString<string>;
}, z.core.$strict>;
export type DesktopContext = z.infer<typeof DesktopContext>;
export declare const AuthState: z.ZodMiniObject<{
    signedIn: z.ZodMiniBoolean<boolean>;
    user: z.ZodMiniNullable<z.ZodMiniObject<{
        id: z.ZodMiniString<string>;
        name: z.ZodMiniString<string>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type AuthState = z.infer<typeof AuthState>;
export declare const TabRef: z.ZodMiniObject<{
    tabId: z.ZodMiniInt;
}, z.core.$strict>;
export declare const MESSAGES: {
    /** Content script → worker: the conversation on screen changed (id, channel or transcript). */
    'desktop/context-changed': {
        from: SenderKind;
        request: z.ZodMiniObject<{
            conversationId: z.ZodMiniNullable<z.ZodMiniString<string>>;
            channel: z.ZodMiniNullable<z.ZodMiniEnum<{
                email: "email";
                voice: "voice";
                chat: "chat";
                message: "message";
                callback: "callback";
                unknown: "unknown";
            }>>;
            transcript: z.ZodMiniArray<z.ZodMiniObject<{
                role: z.ZodMiniEnum<{
                    customer: "customer";
                    agent: "agent";
                }>;
                text: z.ZodMiniString<string>;
            }, z.core.$strip>>;
            profileId: z.ZodMiniString<string>;
        }, z.core.$strict>;
        response: z.ZodMiniObject<{
            accepted: z.ZodMiniBoolean<boolean>;
        }, z.core.$strict>;
    };
    /** Extension page → worker: start the interactive PKCE sign-in. */
    'page/sign-in': {
        from: SenderKind;
        request: z.ZodMiniObject<{}, z.core.$strict>;
        response: z.ZodMiniObject<{
            signedIn: z.ZodMiniBoolean<boolean>;
            user: z.ZodMiniNullable<z.ZodMiniObject<{
                id: z.ZodMiniString<string>;
                name: z.ZodMiniString<string>;
            }, z.core.$strip>>;
        }, z.core.$strip>;
    };
    /** Extension page → worker: revoke the token and forget everything sensitive. */
    'page/sign-out': {
        from: SenderKind;
        request: z.ZodMiniObject<{}, z.core.$strict>;
        response: z.ZodMiniObject<{
            signedIn: z.ZodMiniBoolean<boolean>;
            user: z.ZodMiniNullable<z.ZodMiniObject<{
                id: z.ZodMiniString<string>;
                name: z.ZodMiniString<string>;
            }, z.core.$strip>>;
        }, z.core.$strip>;
    };
    /** Extension page → worker: run the pipeline again for a tab now (the "Retry" button). */
    'page/refresh': {
        from: SenderKind;
        request: z.ZodMiniObject<{
            tabId: z.ZodMiniInt;
        }, z.core.$strict>;
        response: z.ZodMiniObject<{
            queued: z.ZodMiniBoolean<boolean>;
        }, z.core.$strict>;
    };
};
export type MessageTable = typeof MESSAGES;
export type MessageType = keyof MessageTable;
export type RequestOf<T extends MessageType> = z.infer<MessageTable[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<MessageTable[T]['response']>;
/** What travels on the wire. */
export declare const Envelope: z.ZodMiniObject<{
    type: z.ZodMiniString<string>;
    data: z.ZodMiniUnknown;
}, z.core.$strict>;
export declare const ERROR_CODES: readonly ["bad-sender", "bad-request", "unknown-type", "failed"];
export type RouterErrorCode = (typeof ERROR_CODES)[number];
export type Reply<T> = {
    ok: true;
    data: T;
} | {
    ok: false;
    error: {
        code: RouterErrorCode;
        message: string;
    };
};
export declare const ReplyEnvelope: z.ZodMiniUnion<readonly [z.ZodMiniObject<{
    ok: z.ZodMiniLiteral<true>;
    data: z.ZodMiniUnknown;
}, z.core.$strict>, z.ZodMiniObject<{
    ok: z.ZodMiniLiteral<false>;
    error: z.ZodMiniObject<{
        code: z.ZodMiniEnum<{
            "bad-sender": "bad-sender";
            "bad-request": "bad-request";
            "unknown-type": "unknown-type";
            failed: "failed";
        }>;
        message: z.ZodMiniString<string>;
    }, z.core.$strict>;
}, z.core.$strict>]>;
export declare function isMessageType(type: string): type is MessageType;
