import * as z from 'zod/mini';
/**
 * What the worker publishes for one desktop tab (storage.session `view:<tabId>`); the side panel
 * and the inline overlay only render it.
 */
export declare const VIEW_STATUSES: readonly ["not-configured", "signed-out", "no-conversation", "loading", "ready", "error"];
export declare const ViewStatus: z.ZodMiniEnum<{
    "not-configured": "not-configured";
    "signed-out": "signed-out";
    "no-conversation": "no-conversation";
    loading: "loading";
    ready: "ready";
    error: "error";
}>;
export type ViewStatus = z.infer<typeof ViewStatus>;
export declare const ERROR_KINDS: readonly ["auth", "rate-limited", "offline", "timeout", "provider", "invalid-response"];
export declare const ViewError: z.ZodMiniObject<{
    kind: z.ZodMiniEnum<{
        auth: "auth";
        "rate-limited": "rate-limited";
        offline: "offline";
        timeout: "timeout";
        provider: "provider";
        "invalid-response": "invalid-response";
    }>;
    message: z.ZodMiniString<string>;
    status: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
    code: z.ZodMiniOptional<z.ZodMiniString<string>>;
    correlationId: z.ZodMiniOptional<z.ZodMiniString<string>>;
    retryAt: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
}, z.core.$strip>;
export type ViewError = z.infer<typeof ViewError>;
export declare const ViewState: z.ZodMiniObject<{
    tabId: z.ZodMiniNumber<number>;
    status: z.ZodMiniEnum<{
        "not-configured": "not-configured";
        "signed-out": "signed-out";
        "no-conversation": "no-conversation";
        loading: "loading";
        ready: "ready";
        error: "error";
    }>;
    conversationId: z.ZodMiniNullable<z.ZodMiniString<string>>;
    channel: z.ZodMiniNullable<z.ZodMiniEnum<{
        email: "email";
        voice: "voice";
        chat: "chat";
        message: "message";
        callback: "callback";
        unknown: "unknown";
    }>>;
    recommendations: z.ZodMiniArray<z.ZodMiniObject<{
        id: z.ZodMiniString<string>;
        title: z.ZodMiniString<string>;
        content: z.ZodMiniString<string>;
        relevanceScore: z.ZodMiniNumber<number>;
        publishedDate: z.ZodMiniNullable<z.ZodMiniString<string>>;
        sourceId: z.ZodMiniString<string>;
        sourceName: z.ZodMiniOptional<z.ZodMiniString<string>>;
        url: z.ZodMiniOptional<z.ZodMiniString<string>>;
    }, z.core.$strip>>;
    hidden: z.ZodMiniArray<z.ZodMiniObject<{
        recommendation: z.ZodMiniObject<{
            id: z.ZodMiniString<string>;
            title: z.ZodMiniString<string>;
            content: z.ZodMiniString<string>;
            relevanceScore: z.ZodMiniNumber<number>;
            publishedDate: z.ZodMiniNullable<z.ZodMiniString<string>>;
            sourceId: z.ZodMiniString<string>;
            sourceName: z.ZodMiniOptional<z.ZodMiniString<string>>;
            url: z.ZodMiniOptional<z.ZodMiniString<string>>;
        }, z.core.$strip>;
        reason: z.ZodMiniEnum<{
            "low-score": "low-score";
            "too-old": "too-old";
        }>;
    }, z.core.$strip>>;
    invalidCount: z.ZodMiniNumber<number>;
    error: z.ZodMiniNullable<z.ZodMiniObject<{
        kind: z.ZodMiniEnum<{
            auth: "auth";
            "rate-limited": "rate-limited";
            offline: "offline";
            timeout: "timeout";
            provider: "provider";
            "invalid-response": "invalid-response";
        }>;
        message: z.ZodMiniString<string>;
        status: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
        code: z.ZodMiniOptional<z.ZodMiniString<string>>;
        correlationId: z.ZodMiniOptional<z.ZodMiniString<string>>;
        retryAt: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
    }, z.core.$strip>>;
    stale: z.ZodMiniBoolean<boolean>;
    updatedAt: z.ZodMiniNumber<number>;
}, z.core.$strip>;
export type ViewState = z.infer<typeof ViewState>;
export declare function viewStateKey(tabId: number): string;
export declare function emptyViewState(tabId: number, status: ViewStatus): ViewState;
/** Public sign-in state (storage.session `auth:user`): who is signed in, never the token. */
export declare const AUTH_USER_KEY = "auth:user";
export declare const SignedInUser: z.ZodMiniObject<{
    id: z.ZodMiniString<string>;
    name: z.ZodMiniString<string>;
}, z.core.$strip>;
export type SignedInUser = z.infer<typeof SignedInUser>;
