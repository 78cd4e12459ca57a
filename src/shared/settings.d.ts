import * as z from 'zod/mini';
/**
 * The settings contract (DESIGN.md "Settings"): `chrome.storage.local` key `settings` holds a
 * possibly partial object of these keys; defaults fill the rest; an invalid value is reported and
 * falls back to its default. Admins and tests rely on this exact shape.
 */
export declare const SETTINGS_STORAGE_KEY = "settings";
export declare const PROVIDERS: readonly ["recommendations-query", "conversation-suggestions"];
export declare const Provider: z.ZodMiniEnum<{
    "recommendations-query": "recommendations-query";
    "conversation-suggestions": "conversation-suggestions";
}>;
export type Provider = z.infer<typeof Provider>;
export declare const REGION_CHOICES: readonly ["mypurecloud.com", "mypurecloud.ie", "mypurecloud.com.au", "mypurecloud.jp", "mypurecloud.de", "usw2.pure.cloud", "cac1.pure.cloud", "apne2.pure.cloud", "euw2.pure.cloud", "aps1.pure.cloud", "use2.us-gov-pure.cloud", "sae1.pure.cloud", "mec1.pure.cloud", "apne3.pure.cloud", "euc2.pure.cloud", "mxc1.pure.cloud", "apse1.pure.cloud", "custom"];
export declare const Settings: z.ZodMiniObject<{
    region: z.ZodMiniEnum<{
        custom: "custom";
        "mypurecloud.com": "mypurecloud.com";
        "mypurecloud.ie": "mypurecloud.ie";
        "mypurecloud.com.au": "mypurecloud.com.au";
        "mypurecloud.jp": "mypurecloud.jp";
        "mypurecloud.de": "mypurecloud.de";
        "usw2.pure.cloud": "usw2.pure.cloud";
        "cac1.pure.cloud": "cac1.pure.cloud";
        "apne2.pure.cloud": "apne2.pure.cloud";
        "euw2.pure.cloud": "euw2.pure.cloud";
        "aps1.pure.cloud": "aps1.pure.cloud";
        "use2.us-gov-pure.cloud": "use2.us-gov-pure.cloud";
        "sae1.pure.cloud": "sae1.pure.cloud";
        "mec1.pure.cloud": "mec1.pure.cloud";
        "apne3.pure.cloud": "apne3.pure.cloud";
        "euc2.pure.cloud": "euc2.pure.cloud";
        "mxc1.pure.cloud": "mxc1.pure.cloud";
        "apse1.pure.cloud": "apse1.pure.cloud";
    }>;
    loginBaseUrl: z.ZodMiniOptional<z.ZodMiniString<string>>;
    apiBaseUrl: z.ZodMiniOptional<z.ZodMiniString<string>>;
    clientId: z.ZodMiniString<string>;
    provider: z.ZodMiniEnum<{
        "recommendations-query": "recommendations-query";
        "conversation-suggestions": "conversation-suggestions";
    }>;
    knowledgeBaseIds: z.ZodMiniArray<z.ZodMiniString<string>>;
    minRelevanceScore: z.ZodMiniNumber<number>;
    maxContentAgeDays: z.ZodMiniNumber<number>;
    cacheTtlSeconds: z.ZodMiniInt;
    feedbackWebhookUrl: z.ZodMiniOptional<z.ZodMiniString<string>>;
    auditRetentionDays: z.ZodMiniInt;
    desktopProfile: z.ZodMiniOptional<z.ZodMiniObject<{
        conversationIdPattern: z.ZodMiniOptional<z.ZodMiniOptional<z.ZodMiniString<string>>>;
        conversationIdSelector: z.ZodMiniOptional<z.ZodMiniOptional<z.ZodMiniString<string>>>;
        conversationIdAttribute: z.ZodMiniOptional<z.ZodMiniOptional<z.ZodMiniString<string>>>;
        transcriptSelector: z.ZodMiniOptional<z.ZodMiniString<string>>;
        messageSelector: z.ZodMiniOptional<z.ZodMiniString<string>>;
        messageTextSelector: z.ZodMiniOptional<z.ZodMiniString<string>>;
        customerMessageSelector: z.ZodMiniOptional<z.ZodMiniString<string>>;
        excludeMessageSelector: z.ZodMiniOptional<z.ZodMiniOptional<z.ZodMiniString<string>>>;
        channelSelector: z.ZodMiniOptional<z.ZodMiniOptional<z.ZodMiniString<string>>>;
        channelAttribute: z.ZodMiniOptional<z.ZodMiniOptional<z.ZodMiniString<string>>>;
        channelMap: z.ZodMiniOptional<z.ZodMiniOptional<z.ZodMiniRecord<z.ZodMiniString<string>, z.ZodMiniEnum<{
            email: "email";
            voice: "voice";
            chat: "chat";
            message: "message";
            callback: "callback";
            unknown: "unknown";
        }>>>>;
        composerSelector: z.ZodMiniOptional<z.ZodMiniOptional<z.ZodMiniString<string>>>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type Settings = z.infer<typeof Settings>;
export type SettingKey = keyof Settings;
export declare const SETTING_KEYS: SettingKey[];
export declare const DEFAULT_SETTINGS: Settings;
export interface SettingsIssue {
    key: string;
    message: string;
}
export interface ParsedSettings {
    settings: Settings;
    issues: SettingsIssue[];
}
export interface ParseOptions {
    /** Plain-http loopback URLs (the simulator) are accepted only in simulator builds. */
    allowLoopbackHttp: boolean;
}
/** Why a configured URL is not acceptable, or null when it is. */
export declare function urlProblem(value: string, options: ParseOptions): string | null;
/**
 * Validates stored settings key by key. One bad value never discards the others: it is reported
 * and replaced by its default, so a typo in a policy cannot switch the extension off.
 */
export declare function parseSettings(raw: unknown, options?: ParseOptions): ParsedSettings;
export interface Endpoints {
    loginBaseUrl: string;
    apiBaseUrl: string;
}
/** Login and API base URLs (no trailing slash), or null when the settings do not name them. */
export declare function resolveEndpoints(settings: Settings): Endpoints | null;
/** What is missing before sign-in can work, or null when nothing is. */
export declare function configurationProblem(settings: Settings): string | null;
