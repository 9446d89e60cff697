// The boundary between the CLI engine and the transform. The engine owns files (discovery, git
// safety, reading, writing, reporting); the transform owns content and sees one file at a time.

/** One client construction the transform looked at. `reason` is set for sites it left alone. */
export interface SiteOutcome {
  line: number;
  column: number;
  rule: string;
  construct: string;
  reason?: string;
  /** A hoisted site that now uses an instance the code already had: its name, file (absent: this file) and line. */
  reuses?: { name: string; file?: string; line: number };
  /** Where a hoisted site's shared instance lives (the report words its reason from it). */
  placement?: Placement;
}

/** A module-level `const`, a lazy singleton built at first use, one per instance of the class, a cache per key, or the constant part moved out of a helper. */
export type Placement = 'module-constant' | 'lazy-singleton' | 'instance' | 'keyed-cache' | 'out-of-factory';

export interface FileResult {
  /** The new source, or null when the file is unchanged. */
  output: string | null;
  hoisted: SiteOutcome[];
  left: SiteOutcome[];
  /** Sites an `eslint-disable` comment silences: neither rewritten nor listed as left. */
  suppressed?: SiteOutcome[];
}

export interface TransformOptions {
  keyed: boolean;
  filePath: string;
}

/** May throw (a parse error, say): the engine then reports the file as failed and carries on. */
export interface FileTransform {
  (source: string, options: TransformOptions): FileResult;
  /**
   * Optional, and cheap: a text check the engine runs before anything else. `false` promises that
   * the transform would return `{ output: null, hoisted: [], left: [] }` for this source without
   * throwing, so the engine reports the file unchanged without calling it; a run where few files
   * pass then needs no worker thread. Without it, the transform sees every file.
   */
  mayChange?: (source: string, filePath: string) => boolean;
}
