// Types for serve.mjs, which the TypeScript browser tests share.
export const MIME: Record<string, string>;
export function serve(mounts: Record<string, string>): Promise<{
  origin: string;
  url(mount: string): string;
  fileFor(url: string): string | null;
  close(): Promise<void>;
}>;
