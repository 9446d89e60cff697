export declare const REWRITTEN_MARK: string;
