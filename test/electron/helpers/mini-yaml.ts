/**
 * A small YAML reader for the subset build/electron-builder.yml uses: nested
 * maps and lists by indentation, "- key: value" list items, inline [a, b]
 * lists, quoted and plain scalars, comments. Enough to check the packaging
 * settings without a YAML dependency; anything else throws with the line number.
 */
interface Line {
  indent: number;
  text: string;
  no: number;
}

type Yaml = null | boolean | number | string | Yaml[] | { [key: string]: Yaml };

function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(raw[i - 1]))) {
      return raw.slice(0, i).trimEnd();
    }
  }
  return raw.trimEnd();
}

function scalar(text: string, no: number): Yaml {
  const t = text.trim();
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) throw new Error(`line ${no}: unclosed inline list`);
    const inner = t.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map((part) => scalar(part, no));
  }
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null' || t === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

const KEY_LINE = /^("[^"]*"|'[^']*'|[^\s"'#:][^:]*?):(?:\s+(.*))?$/;

/** Parse the YAML subset described above. */
export function parseMiniYaml(source: string): Yaml {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t')) throw new Error(`line ${i + 1}: tabs are not allowed in YAML indentation`);
    const text = stripComment(raw);
    if (text.trim() === '') return;
    lines.push({ indent: text.length - text.trimStart().length, text: text.trim(), no: i + 1 });
  });
  let pos = 0;
  const isItem = (line: Line) => line.text === '-' || line.text.startsWith('- ');

  function block(): Yaml {
    const first = lines[pos];
    return isItem(first) ? list(first.indent) : map(first.indent);
  }

  function list(indent: number): Yaml[] {
    const out: Yaml[] = [];
    while (pos < lines.length && lines[pos].indent === indent && isItem(lines[pos])) {
      const line = lines[pos];
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        pos++;
        out.push(block());
      } else if (KEY_LINE.test(rest)) {
        // "- key: value": the item is a map that starts on the dash line.
        lines[pos] = { indent: indent + (line.text.length - rest.length), text: rest, no: line.no };
        out.push(map(lines[pos].indent));
      } else {
        pos++;
        out.push(scalar(rest, line.no));
      }
    }
    return out;
  }

  function map(indent: number): { [key: string]: Yaml } {
    const out: { [key: string]: Yaml } = {};
    while (pos < lines.length && lines[pos].indent === indent && !isItem(lines[pos])) {
      const { text, no } = lines[pos];
      const m = KEY_LINE.exec(text);
      if (!m) throw new Error(`line ${no}: expected "key: value", got ${JSON.stringify(text)}`);
      pos++;
      const key = String(scalar(m[1], no));
      if (key in out) throw new Error(`line ${no}: duplicate key ${key}`);
      const next = lines[pos];
      if (m[2] !== undefined && m[2] !== '') out[key] = scalar(m[2], no);
      else if (next && (next.indent > indent || (next.indent === indent && isItem(next)))) out[key] = block();
      else out[key] = null;
    }
    if (pos < lines.length && lines[pos].indent > indent) throw new Error(`line ${lines[pos].no}: unexpected indentation`);
    return out;
  }

  if (lines.length === 0) return null;
  const value = block();
  if (pos < lines.length) throw new Error(`line ${lines[pos].no}: unexpected content`);
  return value;
}
