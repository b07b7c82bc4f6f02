import { allocate } from './slab.js';
import type { TextView, ViewName } from './types.js';

// String.fromCharCode.apply takes its arguments on the stack; chunks keep it well inside the limit.
const CHUNK = 8192;

/**
 * Turns the first `length` code units of a buffer into a string without a string per unit. Long
 * buffers are decoded as UTF-16LE by Node's Buffer, which keeps lone surrogates as they are
 * (TextDecoder would replace them) and is about eight times faster than `fromCharCode` in chunks
 * on a megabyte.
 */
export function unitsToString(units: Uint16Array, length: number): string {
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
}

/**
 * Collects a view's code units with their original spans. Sized for the common case of one
 * output unit per input unit and doubled on the rare expansions (`ﷺ` is 18 units after NFKC).
 */
export class ViewBuilder {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    // The maps and the units in one piece of a shared slab (see slab.ts).
    const { buffer, offset } = allocate(10 * size);
    this.starts = new Int32Array(buffer, offset, size);
    this.ends = new Int32Array(buffer, offset + 4 * size, size);
    this.units = new Uint16Array(buffer, offset + 8 * size, size);
  }

  /** Appends one code unit that came from `original.slice(start, end)`. */
  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow(this.length + 1);
    const at = this.length++;
    this.units[at] = unit;
    this.starts[at] = start;
    this.ends[at] = end;
  }

  /** Appends every code unit of `text`, all from `original.slice(start, end)`. */
  pushString(text: string, start: number, end: number): void {
    const need = this.length + text.length;
    if (need > this.units.length) this.grow(need);
    for (let k = 0; k < text.length; k++) {
      const at = this.length++;
      this.units[at] = text.charCodeAt(k);
      this.starts[at] = start;
      this.ends[at] = end;
    }
  }

  private grow(need: number): void {
    const size = Math.max(need, this.units.length * 2);
    const units = new Uint16Array(size);
    units.set(this.units);
    const spans = new Int32Array(2 * size);
    const starts = spans.subarray(0, size);
    starts.set(this.starts);
    const ends = spans.subarray(size);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }

  /** The finished view; the maps are views onto the builder's buffers, not copies. */
  finish(name: ViewName): TextView {
    return {
      name,
      text: unitsToString(this.units, this.length),
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
    };
  }
}
