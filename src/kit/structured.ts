/**
 * Values to and from V8's structured serialisation (`node:v8`), as the files of a sharded run hold them
 * (engine/frames.ts, corpus/state-file.ts): typed arrays, bigints and nested records survive as they are.
 */
import v8 from 'node:v8';

/**
 * V8's deserialiser, but every typed array gets a buffer of its own. Node's makes each a view into the bytes being
 * read, at their offset there: the read buffer is reused for the next frames, and codecs that address a typed
 * array's buffer from its start (record/wire.ts) would read the wrong bytes.
 */
class OwnArrays extends v8.DefaultDeserializer {
  // (Node's documented hook; its type declarations leave it out of DefaultDeserializer)
  _readHostObject(): unknown {
    const read = (v8.DefaultDeserializer.prototype as unknown as { _readHostObject(this: v8.DefaultDeserializer): ArrayBufferView & { slice(): unknown } })._readHostObject;
    return read.call(this).slice();
  }
}

/** A value from V8's serialised form, with typed arrays that own their buffers (see OwnArrays). */
export function deserialize<T>(bytes: Uint8Array): T {
  const d = new OwnArrays(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  d.readHeader();
  return d.readValue() as T;
}

