import { BYTE_SCAN_WASM } from './generated/byte-scan-wasm.js';

/**
 * One pass over a text's UTF-8 bytes, 16 at a time (WebAssembly SIMD, byte-scan.wat), for the
 * quick tests an archive scan runs on every raw draft: is there a control character (a possible
 * binary file: limits.ts), a joining character before a letter, or a claim's anchor
 * (few-anchors.ts)? In JavaScript those were three regular-expression passes and a substring
 * search per joining character — half of the time a 2,000-draft scan spent checking (issue #8).
 *
 * The last text scanned is remembered with its flags: the binary test and the claim test of one
 * draft share one encoding (and, when the claim test comes first, one pass). Where WebAssembly or
 * its SIMD is missing, or a text is longer than drafts are checked (DEFAULT_MAX_CHARS), scanBytes
 * answers undefined and callers take their JavaScript paths, which give the same answers.
 */

/** A control character of ANY_BINARY (limits.ts). */
export const CONTROL = 1;
/**
 * A joining character (raw-words.ts JOINERS) right before an ASCII letter; also a byte 0x98 or
 * 0x99 (’ and ‘ end with one) before one.
 */
export const JOINED = 2;
/** One of the anchors, in either case. The scan stops there: CONTROL and JOINED are then not known. */
export const ANCHOR = 4;
/** Every character of the text is ASCII. */
export const ASCII = 8;

/** Where the text starts in the module's memory: the anchors come first (byte-scan.wat). */
const TEXT_AT = 4096;
const ANCHOR_BYTES = 96;
export const MAX_ANCHORS = 32;
/** Spaces after the text: the scan loads up to 18 bytes past its end. */
const PAD = 32;
/** Longer texts are not checked whole anyway (limits.ts DEFAULT_MAX_CHARS, which imports this module). */
const MAX_CHARS = 2_000_000;
const PAGE = 65_536;

/** Anchors (2–4 letters a–z) laid out as the scan reads them. */
export class AnchorTable {
  readonly bytes: Uint8Array;

  constructor(readonly words: readonly string[]) {
    if (words.length > MAX_ANCHORS || !words.every((w) => /^[a-z]{2,4}$/.test(w))) {
      throw new Error('anchors are at most 32 words of 2–4 letters a–z');
    }
    this.bytes = new Uint8Array(words.length * ANCHOR_BYTES);
    words.forEach((word, i) => {
      const at = i * ANCHOR_BYTES;
      for (let k = 0; k < 4; k++) {
        this.bytes.fill(k < word.length ? word.charCodeAt(k) : 0, at + k * 16, at + (k + 1) * 16);
      }
      // Letters 3 and 4: "any byte" where the anchor is shorter.
      for (let k = 2; k < 4; k++) {
        this.bytes.fill(k < word.length ? 0 : 0xff, at + 64 + (k - 2) * 16, at + 64 + (k - 1) * 16);
      }
    });
  }
}

interface Engine {
  memory: WebAssembly.Memory;
  scan: (at: number, length: number, anchors: number) => number;
  bytes: Uint8Array;
}

let engine: Engine | null | undefined;
let enabled = true;
const encoder = new TextEncoder();

function load(): Engine | null {
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(BYTE_SCAN_WASM));
    const { memory, scan } = instance.exports as { memory: WebAssembly.Memory; scan: Engine['scan'] };
    return { memory, scan, bytes: new Uint8Array(memory.buffer) };
  } catch {
    return null; // no WebAssembly, or no SIMD: the JavaScript paths
  }
}

/** Tests compare both paths: off, scanBytes answers undefined. */
export function useByteScan(on: boolean): void {
  enabled = on;
  forget();
}

/** Whether the byte scan is in use in this process. */
export function byteScanAvailable(): boolean {
  return enabled && (engine ??= load()) !== null;
}

let lastText: string | undefined;
let lastLength = 0;
let lastFlags = -1;
/** The anchors the last flags were found with (undefined: none). */
let lastTable: AnchorTable | undefined;
/** The anchors in the module's memory. */
let loadedTable: AnchorTable | undefined;

function forget(): void {
  lastText = undefined;
  lastFlags = -1;
  lastTable = undefined;
  loadedTable = undefined;
}

/**
 * The flags of `text` (CONTROL, JOINED, ANCHOR for an anchor of `table`, ASCII), or undefined when
 * the byte scan cannot answer. Without a table, flags found with one are returned as they are:
 * the caller reads ANCHOR as "CONTROL and JOINED not known".
 */
export function scanBytes(text: string, table?: AnchorTable): number | undefined {
  if (!enabled || text.length > MAX_CHARS) return undefined;
  const e = (engine ??= load());
  if (e === null) return undefined;
  if (text === lastText && lastFlags >= 0 && (table === undefined || table === lastTable)) return lastFlags;
  if (text !== lastText) {
    const need = TEXT_AT + text.length * 3 + PAD;
    if (e.bytes.length < need) {
      e.memory.grow(Math.ceil((need - e.bytes.length) / PAGE));
      e.bytes = new Uint8Array(e.memory.buffer);
    }
    const { written } = encoder.encodeInto(text, e.bytes.subarray(TEXT_AT));
    e.bytes.fill(0x20, TEXT_AT + written, TEXT_AT + written + PAD);
    lastText = text;
    lastLength = written;
  }
  if (table !== undefined && table !== loadedTable) {
    e.bytes.set(table.bytes, 0);
    loadedTable = table;
  }
  const found = e.scan(TEXT_AT, lastLength, table === undefined ? 0 : table.words.length);
  lastFlags = found | (lastLength === text.length ? ASCII : 0);
  lastTable = table;
  return lastFlags;
}

/**
 * The flags scanBytes found for `text` if it was the text scanned last, else undefined: for tests
 * that only use a scan already made (the binary test in an archive scan, after the claim test).
 */
export function scannedFlags(text: string): number | undefined {
  return enabled && text === lastText && lastFlags >= 0 ? lastFlags : undefined;
}
