// Types of byte-scan-wasm.js, which scripts/gen-byte-scan.mjs generates (not generated itself).

/** The byte scan's WebAssembly module (byte-scan.wat), as bytes. */
export declare const BYTE_SCAN_WASM: Uint8Array<ArrayBuffer>;
