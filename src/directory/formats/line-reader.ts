// Reads a text file line by line in constant memory, whatever its size: the national extractions
// run to millions of lines. UTF-8 unless the start of the file is not valid UTF-8 (older FINESS
// extractions are Latin-1, which Windows-1252 reads as well).
import fs from 'node:fs';

export type Line = { lineNo: number; text: string };
export type Encoding = 'utf-8' | 'windows-1252';
export type ReadOptions = {
  /** called after each chunk with the bytes read so far (for a progress bar) */
  onBytes?: (bytesRead: number) => void;
  encoding?: Encoding | 'auto';
};

const SNIFF_BYTES = 64 * 1024;
const CHUNK_BYTES = 256 * 1024;

/** UTF-8 when the first 64 KiB decode as UTF-8, else Windows-1252. */
export function detectEncoding(path: string): Encoding {
  const fd = fs.openSync(path, 'r');
  try {
    const sample = Buffer.alloc(SNIFF_BYTES);
    const read = fs.readSync(fd, sample, 0, SNIFF_BYTES, 0);
    try {
      // streaming mode: a character cut at the end of the sample is no reason to reject UTF-8
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, read), { stream: true });
      return 'utf-8';
    } catch {
      return 'windows-1252';
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Lines numbered from 1, without their "\n" or "\r\n"; the decoder drops a UTF-8 byte order mark. */
export async function* readLines(path: string, options: ReadOptions = {}): AsyncIterable<Line> {
  const encoding = !options.encoding || options.encoding === 'auto' ? detectEncoding(path) : options.encoding;
  const decoder = new TextDecoder(encoding);
  let pending = '';
  let lineNo = 0;
  let bytes = 0;
  for await (const chunk of fs.createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    const lines = (pending + decoder.decode(buffer, { stream: true })).split('\n');
    pending = lines.pop()!;
    for (const line of lines) yield { lineNo: ++lineNo, text: withoutCarriageReturn(line) };
    options.onBytes?.(bytes);
  }
  const last = pending + decoder.decode();
  if (last !== '') yield { lineNo: ++lineNo, text: withoutCarriageReturn(last) };
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
