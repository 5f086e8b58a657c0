/** The largest document the load stage reads by default (`--max-size` overrides it): past this, refuse before parsing. */
export const DEFAULT_MAX_BYTES = 40 * 1024 * 1024;
