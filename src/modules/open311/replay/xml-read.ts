/**
 * A small, strict XML reader for GeoReport v2 documents, so the replay reads the XML a client
 * would read without a new dependency. GeoReport XML is schemaless element trees without
 * attributes or namespaces; this reader keeps element names and text, skips the declaration,
 * comments and attributes, decodes the predefined and numeric entities and CDATA, and refuses
 * anything malformed (mismatched or unclosed tags, unknown entities, DOCTYPE, text outside the root).
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own character data, concatenated (children's text not included). */
  text: string;
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  // XML parsers normalise line ends before anything else (XML 1.0 §2.11).
  return raw.replace(/\r\n?/g, '\n').replace(/&([^;&\s]{1,10});/g, (_m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const ch = predefined[ref];
    if (ch === undefined) throw new Error(`XML: unknown entity &${ref};`);
    return ch;
  });
}

/** The index of the `>` closing a tag that opens at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw new Error('XML: unterminated tag');
}

function until(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at === -1) throw new Error(`XML: missing ${token}`);
  return at;
}

/** Parses a whole document; returns its root element. */
export function parseXml(xml: string): XmlElement {
  const doc: XmlElement = { name: '#document', children: [], text: '' };
  const stack: XmlElement[] = [doc];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    const end = lt === -1 ? xml.length : lt;
    if (end > i) top.text += decode(xml.slice(i, end));
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      i = until(xml, '?>', lt) + 2;
    } else if (xml.startsWith('<!--', lt)) {
      i = until(xml, '-->', lt) + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const close = until(xml, ']]>', lt);
      top.text += xml.slice(lt + 9, close);
      i = close + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw new Error('XML: DOCTYPE and other declarations are not accepted');
    } else {
      const gt = tagEnd(xml, lt + 1);
      const tag = xml.slice(lt + 1, gt);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (!open || open === doc || open.name !== name) {
          throw new Error(`XML: </${name}> does not close <${open?.name ?? ''}>`);
        }
      } else {
        const selfClosing = tag.endsWith('/');
        const m = /^([A-Za-z_][\w.:-]*)(?:\s[\s\S]*)?$/.exec(selfClosing ? tag.slice(0, -1) : tag);
        if (!m) throw new Error(`XML: bad tag <${tag.slice(0, 40)}>`);
        if (top === doc && doc.children.length > 0) throw new Error('XML: more than one root element');
        const element: XmlElement = { name: m[1]!, children: [], text: '' };
        top.children.push(element);
        if (!selfClosing) stack.push(element);
      }
      i = gt + 1;
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> is not closed`);
  if (doc.text.trim() !== '') throw new Error('XML: text outside the root element');
  const root = doc.children[0];
  if (!root) throw new Error('XML: no root element');
  return root;
}

/**
 * The records of a GeoReport list document (`<service_requests><request>…`, `<errors><error>…`):
 * one object per item with each leaf child's text; an empty element reads as null, as JSON's null.
 */
export function readList(xml: string, root: string, item: string): Array<Record<string, string | null>> {
  const doc = parseXml(xml);
  if (doc.name !== root) throw new Error(`XML: root is <${doc.name}>, expected <${root}>`);
  return doc.children.map((el) => {
    if (el.name !== item) throw new Error(`XML: <${root}> holds <${el.name}>, expected <${item}>`);
    const record: Record<string, string | null> = {};
    for (const field of el.children) {
      if (field.children.length === 0) record[field.name] = field.text === '' ? null : field.text;
    }
    return record;
  });
}
