;; The byte scan of byte-scan.ts: one pass over a text's UTF-8 bytes, 16 at a time (WebAssembly
;; SIMD), that answers the archive scan's three questions about a raw draft. Assembled into
;; generated/byte-scan-wasm.js by scripts/gen-byte-scan.mjs (`npm run gen:wasm`).
;;
;; Memory: anchors from byte 0 (96 bytes each, at most 32), the text from byte 4096, followed by
;; at least 32 spaces (so loads past the end read bytes that are nothing the scan looks for).
;; An anchor is 2–4 letters a–z, stored as six 16-byte vectors: its letters 1–4, each repeated 16
;; times (0 where it has none), then for letters 3 and 4 a mask that is all ones where the anchor
;; has no such letter (that comparison then always passes).
;;
;; scan(at, length, anchors) returns flags:
;;   1  a control character that does not occur in prose: U+0000–U+0008, U+000E–U+001A,
;;      U+001C–U+001F (limits.ts: a possible binary file)
;;   2  a joining character right before an ASCII letter: ' . * _ ~ \ [ ] (raw-words.ts JOINERS),
;;      or the last byte of ’ or ‘ (0x98, 0x99: also of other characters, which only adds)
;;   4  one of the anchors, ASCII letters in either case; the scan stops there, flags 1 and 2
;;      are then not known
(module
  (memory (export "memory") 1)

  (func (export "scan") (param $at i32) (param $length i32) (param $anchors i32) (result i32)
    (local $end i32) (local $a i32) (local $anchorsEnd i32)
    (local $bytes v128) (local $lower0 v128) (local $lower1 v128) (local $class v128)
    (local $classes v128) (local $joined v128) (local $pairs v128)
    (local.set $end (i32.add (local.get $at) (local.get $length)))
    (local.set $anchorsEnd (i32.mul (local.get $anchors) (i32.const 96)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $bytes (v128.load align=1 (local.get $at)))
        ;; (byte | 0x20) is a–z exactly for ASCII letters of either case; no other byte becomes one.
        (local.set $lower0 (v128.or (local.get $bytes)
          (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20)))
        (local.set $lower1 (v128.or (v128.load offset=1 align=1 (local.get $at))
          (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20)))
        ;; Each byte's classes, from two 16-entry tables (by its low and by its high four bits);
        ;; a byte is in a class when both entries have that class's bit:
        ;;   0x01 ' * .  (high 2)      0x02 [ \ ] _  (high 5)      0x04 ~  (high 7)
        ;;   0x08 0x98 0x99 (high 9)   0x10 controls 0x00–0x08, 0x0E, 0x0F    0x20 controls 0x10–0x1F
        (local.set $class (v128.and
          (i8x16.swizzle
            (v128.const i8x16 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x31 0x38 0x28 0x21 0x02 0x22 0x22 0x35 0x32)
            (v128.and (local.get $bytes)
              (v128.const i8x16 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f)))
          (i8x16.swizzle
            (v128.const i8x16 0x10 0x20 0x01 0 0 0x02 0 0x04 0 0x08 0 0 0 0 0 0)
            (i8x16.shr_u (local.get $bytes) (i32.const 4)))))
        (local.set $classes (v128.or (local.get $classes) (local.get $class)))
        ;; A joining character followed by a letter: the next byte, lower-cased, minus 'a' is below 26.
        (local.set $joined (v128.or (local.get $joined)
          (v128.and (local.get $class)
            (i8x16.lt_u
              (i8x16.sub (local.get $lower1)
                (v128.const i8x16 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61))
              (v128.const i8x16 26 26 26 26 26 26 26 26 26 26 26 26 26 26 26 26)))))
        ;; Anchors: first their first two letters at each of the 16 places (few places pass), and
        ;; only then all of their letters.
        (local.set $pairs (v128.const i64x2 0 0))
        (local.set $a (i32.const 0))
        (block $tried
          (loop $each
            (br_if $tried (i32.ge_u (local.get $a) (local.get $anchorsEnd)))
            (local.set $pairs (v128.or (local.get $pairs)
              (v128.and
                (i8x16.eq (local.get $lower0) (v128.load (local.get $a)))
                (i8x16.eq (local.get $lower1) (v128.load offset=16 (local.get $a))))))
            (local.set $a (i32.add (local.get $a) (i32.const 96)))
            (br $each)))
        (if (v128.any_true (local.get $pairs))
          (then
            (if (call $anchorAt (local.get $at) (local.get $lower0) (local.get $lower1) (local.get $anchorsEnd))
              (then (return (i32.const 4))))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $blocks)))
    (i32.or
      (v128.any_true (v128.and (local.get $classes)
        (v128.const i8x16 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30)))
      (i32.shl
        (v128.any_true (v128.and (local.get $joined)
          (v128.const i8x16 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f)))
        (i32.const 1))))

  ;; Whether a whole anchor starts at one of the 16 places from $at.
  (func $anchorAt (param $at i32) (param $lower0 v128) (param $lower1 v128) (param $anchorsEnd i32) (result i32)
    (local $a i32) (local $lower2 v128) (local $lower3 v128)
    (local.set $lower2 (v128.or (v128.load offset=2 align=1 (local.get $at))
      (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20)))
    (local.set $lower3 (v128.or (v128.load offset=3 align=1 (local.get $at))
      (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20)))
    (block $tried
      (loop $each
        (br_if $tried (i32.ge_u (local.get $a) (local.get $anchorsEnd)))
        (if (v128.any_true
              (v128.and
                (v128.and
                  (i8x16.eq (local.get $lower0) (v128.load (local.get $a)))
                  (i8x16.eq (local.get $lower1) (v128.load offset=16 (local.get $a))))
                (v128.and
                  (v128.or (i8x16.eq (local.get $lower2) (v128.load offset=32 (local.get $a))) (v128.load offset=64 (local.get $a)))
                  (v128.or (i8x16.eq (local.get $lower3) (v128.load offset=48 (local.get $a))) (v128.load offset=80 (local.get $a))))))
          (then (return (i32.const 1))))
        (local.set $a (i32.add (local.get $a) (i32.const 96)))
        (br $each)))
    (i32.const 0)))
