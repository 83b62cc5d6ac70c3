import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { call } from '../../api';
import { useWorkspace } from '../../store';
import { EmptyState } from '../../components/EmptyState';
import { useAsync } from '../common/useAsync';
import { autocodeSummary, firstHits, hitsByDocument, hitSpeakers, hitSummary } from './hits';
import { SearchResults } from './SearchResults';
import { AutocodeForm } from './AutocodeForm';
import type { AutocodeRequest } from './AutocodeForm';
import { isMac } from '../memo/shortcuts';
import './search.css';

const LIMIT = 2000;
/** Hits drawn at first and per "Show more": drawing all 2,000 at once would stall the window. */
const PAGE = 250;

/** Full-text search with keyword in context, and coding every hit at once. */
export function SearchTab({ focusRequest }: { focusRequest: number }) {
  const documents = useWorkspace((s) => s.documents);
  const codes = useWorkspace((s) => s.codes);
  const change = useWorkspace((s) => s.change);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<{ query: string; n: number } | null>(null);
  const [coding, setCoding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);

  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  // New or deleted documents change the answer; opening a document does not.
  const corpus = documents.map((d) => d.id).join(',');
  const result = useAsync(
    // One more than shown, to know whether there are more.
    () => call('search.text', { query: submitted?.query ?? '', limit: LIMIT + 1 }),
    `${submitted?.query}#${submitted?.n}#${corpus}`,
    submitted !== null,
  );
  const hits = useMemo(() => (result.data ?? []).slice(0, LIMIT), [result.data]);
  const truncated = (result.data?.length ?? 0) > LIMIT;
  const byDocument = useMemo(() => hitsByDocument(hits), [hits]);
  const page = useMemo(() => firstHits(byDocument, shown), [byDocument, shown]);
  const speakersOfHits = useMemo(() => hitSpeakers(hits), [hits]);
  const allSpeakers = useAsync(() => call('speakers.list', {}), corpus, coding && truncated);
  const speakers = truncated ? (allSpeakers.data ?? []).map((s) => s.name) : speakersOfHits;

  const search = (e: FormEvent) => {
    e.preventDefault();
    const query = text.trim();
    if (!query) return;
    setSubmitted((s) => ({ query, n: (s?.n ?? 0) + 1 }));
    setCoding(false);
    setReport(null);
    setShown(PAGE);
  };

  const autocode = async (r: AutocodeRequest) => {
    if (!submitted) return;
    setBusy(true);
    const done = await change(() =>
      call('search.autocode', {
        query: submitted.query,
        codeId: r.codeId,
        scope: r.scope,
        ...(r.speakers.length ? { speakers: r.speakers } : {}),
      }),
    );
    setBusy(false);
    if (!done) return;
    const code = codes.find((c) => c.id === r.codeId)?.path ?? 'the code';
    setReport(autocodeSummary(done, code));
    setCoding(false);
  };

  return (
    <div className="search">
      <form role="search" className="search-form" onSubmit={search}>
        <input
          ref={input}
          type="search"
          aria-label="Search the transcripts"
          aria-describedby="search-help"
          placeholder='Words, "a phrase", prefix*, this OR that'
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary-button">
          Search
        </button>
      </form>
      <p id="search-help" className="panel-note search-help">
        Case and accents are ignored. <code>"secret caseload"</code> finds the phrase, <code>care*</code>{' '}
        finds care, carer, careful…, <code>targets OR audit</code> finds either. {isMac() ? '⌘F' : 'Ctrl+F'}{' '}
        comes back here.
      </p>
      {!submitted && (
        <EmptyState title="Search every transcript">
          Type words to find and press Enter. Each hit shows its surrounding words; choose one to open it in
          its document.
        </EmptyState>
      )}
      {submitted && (
        <div className="results-head">
          <p className="results-count" role="status">
            {result.loading
              ? `Searching for “${submitted.query}”…`
              : result.error
                ? ''
                : hitSummary(hits.length, byDocument.length, truncated)}
          </p>
          {hits.length > 0 && !coding && (
            <button
              type="button"
              className="small-button"
              onClick={() => setCoding(true)}
              disabled={result.loading}
            >
              Code all hits…
            </button>
          )}
        </div>
      )}
      {report && (
        <p className="autocode-report" role="status">
          {report}
        </p>
      )}
      {result.error && (
        <p className="panel-problem" role="alert">
          {result.error.message}
        </p>
      )}
      {coding && submitted && (
        <AutocodeForm
          query={submitted.query}
          hitCount={
            truncated
              ? 'all hits'
              : hits.length === 1
                ? 'the hit'
                : `all ${hits.length.toLocaleString()} hits`
          }
          speakers={speakers}
          busy={busy}
          onSubmit={(r) => void autocode(r)}
          onCancel={() => setCoding(false)}
        />
      )}
      {!result.error && <SearchResults documents={page} />}
      {!result.error && hits.length > shown && (
        <button type="button" className="more-button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, hits.length - shown)} more ({(hits.length - shown).toLocaleString()} not shown)
        </button>
      )}
    </div>
  );
}
