/**
 * Memory for the views' maps, carved out of shared 64 KB buffers. A chat message's maps are a
 * few hundred bytes, and a fresh ArrayBuffer for each of them (memory outside the JS heap, set
 * up and later released one by one) took more of the skeleton view's time than filling it. A
 * slab stays alive while any map cut from it does, so holding on to one view holds at most one
 * slab; large requests get a buffer of their own.
 */
const SLAB = 64 * 1024;
const OWN_BUFFER = 8 * 1024;

let slab = new ArrayBuffer(SLAB);
let used = 0;

/** `bytes` bytes of zeroed memory, 4-byte aligned: the buffer and the offset into it. */
export function allocate(bytes: number): { buffer: ArrayBuffer; offset: number } {
  const size = (bytes + 3) & ~3;
  if (size > OWN_BUFFER) return { buffer: new ArrayBuffer(size), offset: 0 };
  if (used + size > SLAB) {
    slab = new ArrayBuffer(SLAB);
    used = 0;
  }
  const offset = used;
  used += size;
  return { buffer: slab, offset };
}
