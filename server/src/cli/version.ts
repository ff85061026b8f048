import pkg from '../../../package.json' with { type: 'json' };

/** The package version, read at build time so --version and reports never drift from it. */
export const VERSION: string = pkg.version;
