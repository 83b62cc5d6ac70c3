import { useWorkspace } from '../store';
import { formatCount } from '../format';
import { EmptyState } from './EmptyState';

/** The code tree in codebook order: colour, name (indented under its parent) and how often it is used. */
export function Codebook() {
  const codes = useWorkspace((s) => s.codes);
  return (
    <section className="sidebar-section" aria-labelledby="codebook-heading">
      <h2 id="codebook-heading">
        Codebook <span className="count">{formatCount(codes.length)}</span>
      </h2>
      {codes.length === 0 ? (
        <EmptyState title="No codes yet">
          Add codes with <code>commonplace codes add PROJECT NAME</code>; they will appear here with their
          colours.
        </EmptyState>
      ) : (
        <ul className="code-list">
          {codes.map((c) => {
            const depth = c.path.split('/').length - 1;
            return (
              <li
                key={c.id}
                className="code-item"
                style={{ paddingInlineStart: `${0.5 + depth * 1}rem` }}
                title={c.description ? `${c.path} — ${c.description}` : c.path}
              >
                <span className="code-swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
                <span className="code-name">{c.name}</span>
                <span className="code-count" aria-label={`${c.codings} codings`}>
                  {formatCount(c.codings)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
