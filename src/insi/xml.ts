// A small, strict, namespace-aware XML reader and the escaping used to write XML by hand. Enough for
// SOAP envelopes: elements, attributes, text, CDATA, comments and processing instructions. A DOCTYPE
// is refused outright (no entity expansion, so no XXE or "billion laughs"), as SOAP 1.2 itself forbids
// one in an envelope. Written here rather than taken from a package: the subset is small, and the
// popular parsers' extra features (entity expansion, attribute maps on plain objects) are where their
// security advisories came from.

export type XmlElement = {
  /** namespace URI, null when the element is in no namespace */
  ns: string | null;
  local: string;
  attrs: XmlAttribute[];
  children: XmlNode[];
};
export type XmlAttribute = { ns: string | null; local: string; value: string };
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  override name = 'XmlError';
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const MAX_DEPTH = 64;
const NAME = /^[A-Za-z_\u00C0-\uFFEF][A-Za-z0-9._\-\u00B7\u00C0-\uFFEF]*$/;

// Characters XML 1.0 does not allow anywhere, even escaped: C0 controls but tab/LF/CR, U+FFFE/U+FFFF,
// and unpaired surrogates.
const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content or a quoted attribute; drops characters XML cannot carry at all. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string, at: number): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    const semi = raw.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw new XmlError(`unterminated entity near offset ${at + amp}`);
    const name = raw.slice(amp + 1, semi);
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const digits = name[1] === 'x' ? name.slice(2) : name.slice(1);
      if (!/^[0-9a-fA-F]+$/.test(digits) || !Number.isFinite(code) || code > 0x10ffff) {
        throw new XmlError(`bad character reference &${name}; near offset ${at + amp}`);
      }
      const char = String.fromCodePoint(code);
      if (char.replace(INVALID_CHARS, '') === '') throw new XmlError(`character reference to a forbidden character near offset ${at + amp}`);
      out += char;
    } else {
      const value = Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined;
      if (value === undefined) throw new XmlError(`unknown entity &${name}; near offset ${at + amp}`);
      out += value;
    }
    i = semi + 1;
  }
  return out;
}

type RawAttribute = { name: string; value: string };
type Frame = { element: XmlElement; qname: string; scope: Map<string, string> };

function splitQName(qname: string, at: number): [string | null, string] {
  const colon = qname.indexOf(':');
  if (colon < 0) return [null, qname];
  const prefix = qname.slice(0, colon);
  const local = qname.slice(colon + 1);
  if (!prefix || !local || local.includes(':')) throw new XmlError(`bad qualified name ${qname} near offset ${at}`);
  return [prefix, local];
}

function resolve(prefix: string | null, scope: Map<string, string>, at: number): string | null {
  if (prefix === null) return scope.get('') || null;
  if (prefix === 'xml') return XML_NS;
  const uri = scope.get(prefix);
  if (!uri) throw new XmlError(`undeclared namespace prefix ${prefix} near offset ${at}`);
  return uri;
}

class Reader {
  private readonly text: string;
  pos = 0;
  constructor(text: string) {
    this.text = text;
  }
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  skipSpaces(): boolean {
    const start = this.pos;
    while (!this.done && ' \t\r\n'.includes(this.peek())) this.pos++;
    return this.pos > start;
  }
  /** the text up to `end`, then past `end` */
  until(end: string, what: string): string {
    const stop = this.text.indexOf(end, this.pos);
    if (stop < 0) throw new XmlError(`unterminated ${what} at offset ${this.pos}`);
    const value = this.text.slice(this.pos, stop);
    this.pos = stop + end.length;
    return value;
  }
  name(): string {
    const start = this.pos;
    while (!this.done && !' \t\r\n/>=<"\''.includes(this.peek())) this.pos++;
    const name = this.text.slice(start, this.pos);
    if (!NAME.test(name.replace(/:/g, '_'))) throw new XmlError(`bad name "${name}" at offset ${start}`);
    return name;
  }
  /** character data up to the next markup */
  chars(): string {
    const next = this.text.indexOf('<', this.pos);
    const end = next < 0 ? this.text.length : next;
    const value = this.text.slice(this.pos, end);
    this.pos = end;
    return value;
  }
  expect(s: string): void {
    if (!this.startsWith(s)) throw new XmlError(`expected "${s}" at offset ${this.pos}`);
    this.pos += s.length;
  }
}

function readStartTag(r: Reader): { qname: string; attrs: RawAttribute[]; selfClosing: boolean; at: number } {
  const at = r.pos;
  r.expect('<');
  const qname = r.name();
  const attrs: RawAttribute[] = [];
  for (;;) {
    const spaced = r.skipSpaces();
    if (r.startsWith('/>')) {
      r.pos += 2;
      return { qname, attrs, selfClosing: true, at };
    }
    if (r.startsWith('>')) {
      r.pos += 1;
      return { qname, attrs, selfClosing: false, at };
    }
    if (!spaced) throw new XmlError(`expected a space before attribute at offset ${r.pos}`);
    const name = r.name();
    r.skipSpaces();
    r.expect('=');
    r.skipSpaces();
    const quote = r.peek();
    if (quote !== '"' && quote !== "'") throw new XmlError(`attribute value must be quoted at offset ${r.pos}`);
    r.pos++;
    const valueAt = r.pos;
    const raw = r.until(quote, 'attribute value');
    if (raw.includes('<')) throw new XmlError(`"<" in attribute value at offset ${valueAt}`);
    if (attrs.some((a) => a.name === name)) throw new XmlError(`duplicate attribute ${name} at offset ${valueAt}`);
    attrs.push({ name, value: decodeEntities(raw.replace(/[\t\r\n]/g, ' '), valueAt) });
  }
}

function openElement(qname: string, rawAttrs: RawAttribute[], parentScope: Map<string, string>, at: number): Frame {
  let scope = parentScope;
  for (const a of rawAttrs) {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      const prefix = a.name === 'xmlns' ? '' : a.name.slice(6);
      if (prefix && !a.value) throw new XmlError(`empty namespace for prefix ${prefix} at offset ${at}`);
      scope.set(prefix, a.value);
    }
  }
  const [prefix, local] = splitQName(qname, at);
  const attrs: XmlAttribute[] = [];
  for (const a of rawAttrs) {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
      attrs.push({ ns: XMLNS_NS, local: a.name === 'xmlns' ? 'xmlns' : a.name.slice(6), value: a.value });
      continue;
    }
    const [attrPrefix, attrLocal] = splitQName(a.name, at);
    attrs.push({ ns: attrPrefix === null ? null : resolve(attrPrefix, scope, at), local: attrLocal, value: a.value });
  }
  return { element: { ns: resolve(prefix, scope, at), local, attrs, children: [] }, qname, scope };
}

/** Parses a whole document and returns its root element; throws XmlError on anything malformed. */
export function parseXml(input: string): XmlElement {
  const r = new Reader(input.startsWith('\uFEFF') ? input.slice(1) : input);
  const stack: Frame[] = [];
  let root: XmlElement | null = null;
  const addText = (text: string, at: number): void => {
    const top = stack.at(-1);
    if (top) top.element.children.push(text);
    else if (text.trim()) throw new XmlError(`text outside the root element at offset ${at}`);
  };
  while (!r.done) {
    const at = r.pos;
    if (r.startsWith('<!--')) {
      r.pos += 4;
      r.until('-->', 'comment');
    } else if (r.startsWith('<![CDATA[')) {
      r.pos += 9;
      if (!stack.length) throw new XmlError(`CDATA outside the root element at offset ${at}`);
      addText(r.until(']]>', 'CDATA section'), at);
    } else if (r.startsWith('<!')) {
      throw new XmlError(`DOCTYPE and other declarations are refused (offset ${at})`);
    } else if (r.startsWith('<?')) {
      r.pos += 2;
      r.until('?>', 'processing instruction');
    } else if (r.startsWith('</')) {
      r.pos += 2;
      const qname = r.name();
      r.skipSpaces();
      r.expect('>');
      const top = stack.pop();
      if (!top || top.qname !== qname) throw new XmlError(`unexpected </${qname}> at offset ${at}`);
      if (!stack.length) root = top.element;
    } else if (r.startsWith('<')) {
      if (root) throw new XmlError(`a second root element at offset ${at}`);
      const tag = readStartTag(r);
      const parent = stack.at(-1);
      const frame = openElement(tag.qname, tag.attrs, parent?.scope ?? new Map(), at);
      if (parent) parent.element.children.push(frame.element);
      if (tag.selfClosing) {
        if (!parent) root = frame.element;
      } else {
        if (stack.length >= MAX_DEPTH) throw new XmlError(`elements nested deeper than ${MAX_DEPTH}`);
        stack.push(frame);
      }
    } else {
      const raw = r.chars();
      if (raw.includes(']]>')) throw new XmlError(`"]]>" in text at offset ${at}`);
      addText(decodeEntities(raw, at), at);
    }
  }
  if (stack.length) throw new XmlError(`unclosed <${stack.at(-1)!.qname}>`);
  if (!root) throw new XmlError('no root element');
  return root;
}

// Reading helpers: elements are found by namespace URI and local name, never by prefix, since each
// SOAP stack picks its own prefixes (the published INSi answers use soap:, S: and env: alike).

export function childElements(parent: XmlElement, ns?: string | null, local?: string): XmlElement[] {
  return parent.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (ns === undefined || c.ns === ns) && (local === undefined || c.local === local),
  );
}

export function child(parent: XmlElement, ns: string | null, local: string): XmlElement | null {
  return childElements(parent, ns, local)[0] ?? null;
}

/** the concatenated text directly inside the element, trimmed */
export function textOf(element: XmlElement | null): string | null {
  if (!element) return null;
  return element.children.filter((c): c is string => typeof c === 'string').join('').trim();
}

export function childText(parent: XmlElement | null, ns: string | null, local: string): string | null {
  return parent ? textOf(child(parent, ns, local)) : null;
}

export function attribute(element: XmlElement, ns: string | null, local: string): string | null {
  return element.attrs.find((a) => a.ns === ns && a.local === local)?.value ?? null;
}
