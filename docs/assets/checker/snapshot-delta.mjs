// Python's memory snapshot as shipped: its difference with the memory the runtime starts with.
//
// A Pyodide snapshot is a header, then a copy of the whole WebAssembly memory. The first 3.8 MB
// of that memory is the runtime's static data, most of it as pyodide.asm.wasm's data segments
// put it there, and it barely compresses: 1.5 MB of the snapshot's 6.3 MB gzipped. XOR-ing the
// data segments into the copy turns every unchanged byte into a zero, and the shipped file is
// 1.5 MB smaller gzipped, whatever the server. XOR-ing again gives the snapshot back:
// scripts/hooks/make_snapshot.mjs calls toggleDelta() at build time, worker.js in the browser,
// both with the same pyodide.asm.wasm (the build checks it by sha256; another runtime has
// another build id in the header, which Pyodide refuses, and the worker then starts Python the
// ordinary way).
//
// Only active data segments at a constant offset are expected (what Emscripten emits for this
// runtime); anything else is an error, never a guess.

const DATA_SECTION = 11;
const I32_CONST = 0x41;
const END = 0x0b;

// [memory offset, start in `wasm`, length] of each active data segment of memory 0.
export function dataSegments(wasm) {
  let at = 0;
  const fail = (why) => { throw new Error(`pyodide.asm.wasm: ${why} at byte ${at}`); };
  const byte = () => (at < wasm.length ? wasm[at++] : fail("truncated"));
  const leb = (signed) => {  // LEB128, at most 32 bits
    let value = 0;
    let shift = 0;
    let next;
    do {
      if (shift > 28) fail("number too long");
      next = byte();
      value += (next & 0x7f) * 2 ** shift;
      shift += 7;
    } while (next & 0x80);
    return signed && next & 0x40 ? value - 2 ** shift : value;
  };
  const skip = (count) => { if (at + count > wasm.length) fail("truncated"); at += count; };

  if (wasm.length < 8 || wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) {
    fail("not a WebAssembly module");
  }
  skip(8);  // magic and version
  while (at < wasm.length) {
    const id = byte();
    const size = leb(false);
    if (id !== DATA_SECTION) { skip(size); continue; }
    const segments = [];
    for (let count = leb(false); count > 0; count -= 1) {
      const kind = leb(false);  // 0: active in memory 0; 2: active with a memory index; 1: passive
      if (kind !== 0 && kind !== 2) fail(`data segment of kind ${kind} (passive)`);
      if (kind === 2 && leb(false) !== 0) fail("data segment of another memory");
      if (byte() !== I32_CONST) fail("data segment at an offset that is not a constant");
      const offset = leb(true);
      if (byte() !== END) fail("data segment offset expression");
      const length = leb(false);
      segments.push([offset, at, length]);
      skip(length);
    }
    return segments;
  }
  return fail("no data section");
}

// XOR the runtime's data segments into the memory part of `snapshot` (a Uint8Array), in place;
// returns it. `wasm` is pyodide.asm.wasm's bytes.
export function toggleDelta(snapshot, wasm) {
  if (snapshot.byteLength < 16) throw new Error("snapshot: too short");
  // Pyodide's header: a magic number, then where the copy of the memory starts.
  const memoryStart = new DataView(snapshot.buffer, snapshot.byteOffset, 16).getUint32(4, true);
  if (memoryStart < 16 || memoryStart > snapshot.byteLength) throw new Error("snapshot: bad header");
  const memoryLength = snapshot.byteLength - memoryStart;
  for (const [offset, start, length] of dataSegments(wasm)) {
    if (offset < 0 || offset + length > memoryLength) throw new Error("snapshot: smaller than the runtime's memory");
    const target = memoryStart + offset;
    for (let index = 0; index < length; index += 1) snapshot[target + index] ^= wasm[start + index];
  }
  return snapshot;
}
