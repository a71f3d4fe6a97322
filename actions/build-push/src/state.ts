/** Names of the values main saves for the post step (core.saveState / core.getState). */
export const STATE = {
  /** Registry that main logged in to: post logs out of it. */
  registry: 'registry',
  /** Builder that main created: post removes it. */
  builder: 'builder',
} as const;
