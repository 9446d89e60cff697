// A module that is not a transform: the CLI must refuse it (exit 2) before touching any file.
export const somethingElse = 1;
