// Reads a text file line by line in constant memory, whatever its size: the national extractions
// run to millions of lines. UTF-8 unless the start of the file is not valid UTF-8 (older FINESS
// extractions are Latin-1 / Windows-1252).
import fs from 'node:fs';

export type Line = { lineNo: number; text: string };
export type ReadOptions = { onBytes?: (bytesRead: number) => void; encoding?: 'utf-8' | 'windows-1252' | 'auto' };

const SNIFF_BYTES = 64 * 1024;

function detectEncoding(path: string): 'utf-8' | 'windows-1252' {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = fs.readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    // a multi-byte character cut at the end of the sample is not a reason to reject UTF-8
    const sample = buffer.subarray(0, read);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
      return 'utf-8';
    } catch {
      return 'windows-1252';
    }
  } finally {
    fs.closeSync(fd);
  }
}

export async function* readLines(path: string, options: ReadOptions = {}): AsyncIterable<Line> {
  const encoding = !options.encoding || options.encoding === 'auto' ? detectEncoding(path) : options.encoding;
  const decoder = new TextDecoder(encoding);
  let pending = '';
  let lineNo = 0;
  let bytes = 0;
  let first = true;
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    let text = pending + decoder.decode(buffer, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const lines = text.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) yield { lineNo: ++lineNo, text: line.endsWith('\r') ? line.slice(0, -1) : line };
    options.onBytes?.(bytes);
  }
  const rest = pending + decoder.decode();
  if (rest !== '') yield { lineNo: ++lineNo, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest };
}
