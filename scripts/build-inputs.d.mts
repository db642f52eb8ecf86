export declare const INPUT_DIRS: string[];
export declare const INPUT_FILES: string[];
export declare function hashInputs(root: string): Record<string, string>;
export declare function changedFiles(previous: Record<string, string>, current: Record<string, string>): string[];
export declare function describeFiles(files: string[], shown?: number): string;
