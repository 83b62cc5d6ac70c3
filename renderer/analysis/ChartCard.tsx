import { useState } from 'react';
import { errorInfo } from '../api';
import { describeSave, saveExportedFile } from '../save-file';
import { pngFile, svgFile } from './chart-export';

/**
 * One chart as drawn by shared/charts (inline SVG markup, escaped there; no script can ride along), with
 * SVG and PNG export. The SVG carries its own title and a text description of every value.
 */
export function ChartCard(props: { title: string; svg: string | null; busy: boolean; empty?: string }) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const save = async (format: 'svg' | 'png') => {
    if (!props.svg) return;
    try {
      const file = format === 'svg' ? svgFile(props.title, props.svg) : await pngFile(props.title, props.svg);
      setStatus({ text: describeSave(await saveExportedFile(file), file) });
    } catch (e) {
      setStatus({ text: errorInfo(e).message, error: true });
    }
  };
  return (
    <figure className={`chart-card${props.busy ? ' is-busy' : ''}`} aria-busy={props.busy}>
      {props.svg ? (
        <div className="chart-svg" dangerouslySetInnerHTML={{ __html: props.svg }} />
      ) : (
        <p className="compare-empty">{props.empty ?? 'Loading…'}</p>
      )}
      <figcaption>
        <div role="group" aria-label={`Export “${props.title}”`} className="compare-buttons">
          <button
            type="button"
            className="compare-button"
            disabled={!props.svg}
            onClick={() => void save('svg')}
          >
            Save SVG
          </button>
          <button
            type="button"
            className="compare-button"
            disabled={!props.svg}
            onClick={() => void save('png')}
          >
            Save PNG
          </button>
        </div>
        <span role="status" className={status?.error ? 'compare-error' : 'compare-confirm'}>
          {status?.text}
        </span>
      </figcaption>
    </figure>
  );
}
