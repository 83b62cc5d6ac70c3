import { memo } from 'react';
import type { SearchHit } from '../../../shared/types';
import { plural } from '../../format';
import { jumpToPassage } from '../common/jump';
import { squash } from '../excerpts/group';
import type { DocumentHits } from './hits';

function HitLine({ hit }: { hit: SearchHit }) {
  const before = squash(hit.before);
  const after = squash(hit.after);
  return (
    <li>
      <button
        type="button"
        className="hit"
        title={squash(hit.context)}
        onClick={() => jumpToPassage(hit.documentId, hit.start, hit.end)}
      >
        {hit.speaker && <span className="hit-speaker">{hit.speaker}</span>}
        <span className="kwic">
          <span className="kwic-before">
            <span>{before}</span>
          </span>
          <mark className="kwic-match">{hit.match}</mark>
          <span className="kwic-after">{after}</span>
        </span>
      </button>
    </li>
  );
}

/**
 * Keyword-in-context lines under their document; each opens the passage (click or Enter). Memoised:
 * up to 2,000 lines need not be redrawn when only the tabs around them change.
 */
export const SearchResults = memo(function SearchResults({ documents }: { documents: DocumentHits[] }) {
  return (
    <div className="hit-groups">
      {documents.map((d) => (
        <section key={d.documentId} className="hit-group" aria-labelledby={`hits-in-${d.documentId}`}>
          <h3 id={`hits-in-${d.documentId}`} className="hit-group-heading">
            <span className="hit-group-name">{d.doc}</span>
            <span className="count">{plural(d.hits.length, 'hit')}</span>
          </h3>
          <ul className="hit-list">
            {d.hits.map((h) => (
              <HitLine key={`${h.start}:${h.end}`} hit={h} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
});
