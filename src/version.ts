/** The extractor's version: stored with each extraction, so `rasd reextract` knows what an older version read. */
export const EXTRACTOR_VERSION = '0.2.1';
