/**
 * Steps taken by the loops that scan a message, so that tests can check that the work per
 * character stays flat as a message grows without timing anything. One shared counter, bumped
 * unconditionally: an increment costs less than asking whether anyone reads it. Not part of
 * the package's exports.
 */
export const workMeter = { steps: 0 };
