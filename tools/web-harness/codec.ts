/**
 * JSON codec for the browser harness's IPC, standing in for Electron's structured clone: JSON cannot carry
 * typed arrays (the PeriodTable columns are Float64Arrays, PNG exports are Uint8Arrays), so they travel as
 * `{ "$typed": "Float64Array", "base64": "…" }` and come back as the same typed array; Maps likewise.
 * Pure and dependency-free: the same module runs in Node and, transpiled, in the page.
 */

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;
type TypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;

const TAG = '$typed';

interface TaggedTypedArray {
  [TAG]: TypedArrayName;
  base64: string;
}

function isTypedArrayName(name: unknown): name is TypedArrayName {
  return typeof name === 'string' && Object.hasOwn(TYPED_ARRAYS, name);
}

function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function isTagged(value: unknown): value is TaggedTypedArray {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return isTypedArrayName(record[TAG]) && typeof record.base64 === 'string';
}

// btoa/atob work on "binary strings"; convert in chunks so a 1.6 MB column never hits the argument limit.
const CHUNK = 0x8000;

function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function tag(value: TypedArray): TaggedTypedArray {
  const name = value.constructor.name;
  if (!isTypedArrayName(name)) throw new TypeError(`cannot encode ${name}`);
  return {
    [TAG]: name,
    base64: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)),
  };
}

function untag(value: TaggedTypedArray): TypedArray {
  const bytes = base64ToBytes(value.base64);
  const Ctor = TYPED_ARRAYS[value[TAG]];
  // `bytes` owns a fresh, zero-offset buffer, so it is aligned for any element size.
  if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new TypeError(`bad ${value[TAG]} length`);
  return new Ctor(bytes.buffer as ArrayBuffer);
}

const MAP_TAG = '$map';

/** A Map (the PeriodTable's dimensions) travels as `{ "$map": [[key, value], …] }`. */
function isTaggedMap(value: unknown): value is { [MAP_TAG]: [unknown, unknown][] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = (value as Record<string, unknown>)[MAP_TAG];
  return (
    Object.keys(value).length === 1 &&
    Array.isArray(entries) &&
    entries.every((entry) => Array.isArray(entry) && entry.length === 2)
  );
}

/** Like `JSON.stringify`, but typed arrays and Maps survive. `undefined` fields are dropped, as JSON does. */
export function encodeIpc(value: unknown): string {
  return (
    JSON.stringify(value, (_key, field: unknown) => {
      if (isTypedArray(field)) return tag(field);
      if (field instanceof Map) return { [MAP_TAG]: [...field.entries()] };
      return field;
    }) ?? 'null'
  );
}

/** Inverse of `encodeIpc`. Throws on text that is not JSON. */
export function decodeIpc(text: string): unknown {
  return JSON.parse(text, (_key, field: unknown) => {
    if (isTagged(field)) return untag(field);
    if (isTaggedMap(field)) return new Map(field[MAP_TAG]);
    return field;
  });
}
