/** What the library calls things, which the CLI's output must never say: its function and option names. */
export const LIBRARY_WORDS = /waitForJob|collectFacts|checkTargets|planFleet|projectId|confirmations\.|\b[a-z]+[A-Z]\w*\(\)/;
