import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type MdBlock, type MdInline } from '../analysis/markdown.ts';

function Inline({ content }: { content: readonly MdInline[] }): ReactNode {
  return content.map((p, i) => (
    <Fragment key={i}>{'text' in p ? p.text : 'code' in p ? <code>{p.code}</code> : <strong>{<Inline content={p.strong} />}</strong>}</Fragment>
  ));
}

function Heading({ level, children }: { level: number; children: ReactNode }) {
  if (level <= 3) return <h3>{children}</h3>;
  if (level === 4) return <h4>{children}</h4>;
  if (level === 5) return <h5>{children}</h5>;
  return <h6>{children}</h6>;
}

function Block({ block, shift }: { block: MdBlock; shift: number }) {
  switch (block.kind) {
    case 'heading':
      return (
        <Heading level={block.level + shift}>
          <Inline content={block.content} />
        </Heading>
      );
    case 'paragraph':
      return (
        <p>
          <Inline content={block.content} />
        </p>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              <Inline content={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div className="table-wrap">
          <table className="compact markdown-table">
            <thead>
              <tr>
                {block.head.map((cell, i) => (
                  <th key={i} scope="col" className={block.numeric[i] ? 'num' : undefined}>
                    <Inline content={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} className={block.numeric[i] ? 'num' : undefined}>
                      <Inline content={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return (
        <pre tabIndex={0}>
          <code>{block.text}</code>
        </pre>
      );
  }
}

/**
 * Markdown from elsewhere (a bundle's model card) drawn as React elements: text
 * is only ever text, so HTML in the source shows as written and never runs.
 * Headings move down `shift` levels to sit under the screen's own.
 */
export function MarkdownView({ source, shift = 2, label }: { source: string; shift?: number; label: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown" role="region" aria-label={label} tabIndex={0}>
      {blocks.map((b, i) => (
        <Block key={i} block={b} shift={shift} />
      ))}
    </div>
  );
}
