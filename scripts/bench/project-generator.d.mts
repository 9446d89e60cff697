export declare const CLUSTER_EVERY: number;

export interface PlantedFinding {
  /** Relative to the project directory, `/`-separated. */
  file: string;
  line: number;
  rule: 'no-per-call-agent' | 'no-per-call-client' | 'no-inline-dispatcher' | 'prefer-axios-instance' | 'require-keep-alive';
  /** Only the project pass can see it (a builder of another file, an instance method). */
  crossFile: boolean;
}

export interface PlantedLocation {
  file: string;
  line: number;
}

export interface GeneratedProject {
  dir: string;
  sourceFiles: number;
  rounds: number;
  clientFiles: number;
  findings: PlantedFinding[];
  crossFile: number;
  globalAxiosConfiguration: PlantedLocation[];
  sharedInstances: (PlantedLocation & { name: string; exported: boolean })[];
  cleanup(): Promise<void>;
}

export declare function generateProject(options?: { files?: number; dir?: string }): Promise<GeneratedProject>;
