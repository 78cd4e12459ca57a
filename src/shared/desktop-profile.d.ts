import * as z from 'zod/mini';
/**
 * How to read an agent desktop, as data. Built-in profiles cover the known layouts; an admin can
 * override any key through `settings.desktopProfile` without a new release (DESIGN.md, "Reading
 * the agent desktop").
 */
export declare const DesktopProfile: z.ZodMiniObject<{
    id: z.ZodMiniString<string>;
    urlPattern: z.ZodMiniString<string>;
    conversationIdPattern: z.ZodMiniOptional<z.ZodMiniString<string>>;
    conversationIdSelector: z.ZodMiniOptional<z.ZodMiniString<string>>;
    conversationIdAttribute: z.ZodMiniOptional<z.ZodMiniString<string>>;
    transcriptSelector: z.ZodMiniString<string>;
    messageSelector: z.ZodMiniString<string>;
    messageTextSelector: z.ZodMiniString<string>;
    customerMessageSelector: z.ZodMiniString<string>;
    excludeMessageSelector: z.ZodMiniOptional<z.ZodMiniString<string>>;
    channelSelector: z.ZodMiniOptional<z.ZodMiniString<string>>;
    channelAttribute: z.ZodMiniOptional<z.ZodMiniString<string>>;
    channelMap: z.ZodMiniOptional<z.ZodMiniRecord<z.ZodMiniString<string>, z.ZodMiniEnum<{
        email: "email";
        voice: "voice";
        chat: "chat";
        message: "message";
        callback: "callback";
        unknown: "unknown";
    }>>>;
    composerSelector: z.ZodMiniOptional<z.ZodMiniString<string>>;
}, z.core.$strip>;
export type DesktopProfile = z.infer<typeof DesktopProfile>;
/** The keys an admin may override (not the id or the URL that selects the profile). */
export declare const DesktopProfileOverrides: z.ZodMiniObject<{
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
}, z.core.$strip>;
export type DesktopProfileOverrides = z.infer<typeof DesktopProfileOverrides>;
/**
 * The Genesys Cloud agent desktop, from the best public evidence (GENESYS-DESKTOP.md); none of it
 * is verified on a live tenant, which is why it is data an admin can override.
 */
export declare const GENESYS_DESKTOP_PROFILE: DesktopProfile;
/** The simulator's simple desktop (e2e/simulator/desktop). Only in simulator builds. */
export declare const SIMULATOR_DESKTOP_PROFILE: DesktopProfile;
export declare const BUILT_IN_PROFILES: readonly DesktopProfile[];
/** The built-in profile for a page, with the admin's overrides applied key by key. */
export declare function resolveDesktopProfile(url: string, overrides: DesktopProfileOverrides | undefined, profiles?: readonly DesktopProfile[]): DesktopProfile | null;
