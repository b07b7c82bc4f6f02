/** `[what it sets to work, the unit repeated]`. */
export declare const FLOODS: readonly (readonly [what: string, unit: string])[];
/** `unit` repeated to exactly `size` UTF-16 code units. */
export declare function flood(unit: string, size: number): string;
