export declare const DEFAULT_CANDIDATES: string[];
export declare function resolveExecutable(nameOrPath: string, envPath?: string): string | undefined;
export declare function findChromium(env?: Record<string, string | undefined>): string | undefined;
