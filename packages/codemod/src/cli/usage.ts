export const USAGE = `Usage: reuse-clients [fix] [paths...] [options]
       reuse-clients report [paths...] [--format text|json|sarif]  (see report --help)
       reuse-clients trace [--json FILE] [--top N] -- <command> [args...]  (see trace --help)

Hoists HTTP agents, connection pools and SDK clients built per call into shared,
keep-alive instances. Paths are files or folders (default: the current folder);
node_modules, build output, .d.ts files and files git ignores are skipped.

Options:
  --dry            print a unified diff of each change and write nothing
  --json           print a machine-readable summary on stdout
  --force          run even when target files have uncommitted changes, or
                   outside a git repository (which refuses without it)
  --keyed          cache clients whose options depend on per-call values in a Map
                   keyed by those values, instead of leaving them
  --no-project     judge each file alone: skip the project pass that follows
                   factories and client classes across files and finds global
                   axios configuration (faster; misses cross-file sites)
  --cpus <n>       number of threads (default: cores - 1, at least 1); when few
                   files need the transform, they run in the main thread
  --file-timeout <seconds>
                   a file whose transform takes longer is reported as failed
                   and left as it was; the run goes on (default: 60, 0: none)
  --ignore <glob>  skip matching files or folders (repeatable); a glob without "/"
                   matches a name at any depth
  --config <file>  a JSON file of the rules' options (catalog, startupFunctions,
                   nodeVersion, …) for every file, instead of those the project's
                   ESLint config gives each file (read with the project's ESLint)
  -h, --help       show this help
  --version        print the version

Exit status: 0 done, 1 some file failed, 2 usage error or refusal.
`;

export const USAGE_HINT = 'Run "reuse-clients --help" for usage.';
