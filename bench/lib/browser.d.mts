// Types for browser.mjs (the bench and the TypeScript browser tests share it).
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_FLAGS: string[];
export function chromiumPath(): string;
export function chromiumVersion(): string;
export function launch(): Promise<{ context: BrowserContext; userDataDir: string; close(): Promise<void> }>;
export function firstPage(context: BrowserContext): Promise<Page>;
