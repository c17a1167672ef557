declare const POSTAL_WEBHOOKS_VERSION: string;

/** This package's version, inlined by esbuild from package.json at build time. */
export const PACKAGE_VERSION: string = POSTAL_WEBHOOKS_VERSION;
