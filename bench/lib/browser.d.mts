// Types for the parts of browser.mjs the TypeScript browser tests share.
export const CHROMIUM_FLAGS: string[];
export function chromiumPath(): string;
