import { useCallback, useEffect, useState } from 'react';
import { useWorkspace } from '../../store';
import { errorInfo } from '../../api';
import type { Memo, MemoKind } from '../../../shared/types';
import type { MemoContent } from './autosave';
import { loadMemo, saveMemo } from './memo-store';
import { MemoEditor } from './MemoEditor';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; target: string; memo: Memo | null; generation: number }
  | { state: 'failed'; target: string; message: string };

/**
 * The stored memo of a project, document or code in an editor. It reloads when the project changes
 * (undo, redo) but only replaces the editor when the stored memo really differs from what it shows.
 */
export function MemoTarget(props: { kind: MemoKind; targetId: number; label: string; placeholder: string }) {
  const { kind, targetId } = props;
  const revision = useWorkspace((s) => s.revision);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const target = `${kind}:${targetId}`;

  useEffect(() => {
    let live = true;
    loadMemo(kind, targetId).then(
      ({ memo, changed }) => {
        if (!live) return;
        setLoaded((prev) => {
          const same = prev.state === 'ready' && prev.target === target;
          if (same && !changed) return prev;
          return { state: 'ready', target, memo, generation: same ? prev.generation + 1 : 0 };
        });
      },
      (e: unknown) => {
        if (live) setLoaded({ state: 'failed', target, message: errorInfo(e).message });
      },
    );
    return () => {
      live = false;
    };
  }, [kind, targetId, target, revision, attempt]);

  const save = useCallback((c: MemoContent) => saveMemo(kind, targetId, c), [kind, targetId]);

  // Until the new target's memo arrives, the previous one must not be shown (or saved) under its name.
  if (loaded.state === 'loading' || loaded.target !== target) {
    return (
      <p className="panel-status" role="status">
        Loading memo…
      </p>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <div className="panel-problem" role="alert">
        <p>The memo could not be loaded: {loaded.message}</p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <MemoEditor
      key={`${target}:${loaded.generation}`}
      label={props.label}
      memo={loaded.memo}
      save={save}
      placeholder={props.placeholder}
    />
  );
}
