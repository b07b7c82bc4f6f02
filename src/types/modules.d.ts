/** A rule file, parsed when the package is built (see tsup.config.ts). */
declare module '*.yaml' {
  /** The parsed document; undefined in the build, which ships `validated` instead. */
  const document: unknown;
  export default document;
  /** The rule set as validated at build time by `loadParsedRuleSet`; undefined when run from sources. */
  export const validated: unknown;
  /** Skeletons of the file's terms computed at build time ([body, text, runs]); empty when run from sources. */
  export const skeletons: readonly (readonly [string, string, string])[];
}
