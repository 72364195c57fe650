/** Types for scripts/ensure-browser.mjs, imported by playwright.config.ts. */
export declare const INSTALL_HELP: string;
export declare function findChromium(): string | null;
export declare function ensureChromium(): string;
