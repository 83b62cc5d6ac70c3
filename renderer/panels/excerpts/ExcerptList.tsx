import { memo } from 'react';
import type { ExcerptGroup } from './group';
import { squash } from './group';
import { plural } from '../../format';
import { jumpToPassage } from '../common/jump';
import type { Excerpt } from '../../../shared/types';

function ExcerptItem({ x }: { x: Excerpt }) {
  const where = [x.doc, x.groups.join(', '), x.speakers.join(', ')].filter(Boolean).join(' · ');
  return (
    <li>
      <button type="button" className="excerpt" onClick={() => jumpToPassage(x.documentId, x.start, x.end)}>
        <span className="excerpt-where">{where}</span>
        <span className="excerpt-text">
          {/* The core marks cut context with an ellipsis and keeps the spaces at the seams. */}
          {x.before && <span className="excerpt-context">{squash(x.before).trimStart()}</span>}
          <span className="excerpt-coded">{x.text}</span>
          {x.after && <span className="excerpt-context">{squash(x.after).trimEnd()}</span>}
        </span>
        {x.memo && (
          <span className="excerpt-memo">
            <span className="excerpt-memo-label">Memo:</span> {x.memo}
          </span>
        )}
      </button>
    </li>
  );
}

/** Excerpts under a heading per code; each opens its passage in the document (click or Enter). */
export const ExcerptList = memo(function ExcerptList({ groups }: { groups: ExcerptGroup[] }) {
  return (
    <div className="excerpt-groups">
      {groups.map((g) => (
        <section
          key={g.codeId}
          className="excerpt-group"
          aria-labelledby={`excerpts-of-${g.codeId}`}
          style={{ ['--code-color' as string]: g.color }}
        >
          <h3 id={`excerpts-of-${g.codeId}`} className="excerpt-group-heading">
            <span className="swatch" style={{ backgroundColor: g.color }} aria-hidden="true" />
            <span className="excerpt-group-name">{g.path.split('/').join(' › ')}</span>
            <span className="count">{plural(g.total, 'excerpt')}</span>
          </h3>
          <ul className="excerpt-list">
            {g.excerpts.map((x) => (
              <ExcerptItem key={x.codingId} x={x} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
});
