import type { CSSProperties, ReactNode } from 'react';
import type { QuickOption } from './quick-options';

// The quick-code choices as a listbox (driven from the search field through aria-activedescendant):
// recent codes with their number keys, then the codebook; or the matches and "Create".

interface Props {
  options: readonly QuickOption[];
  active: number;
  empty: boolean;
  onHover(index: number): void;
  onChoose(index: number): void;
}

const GROUP_LABELS = { recent: 'Recent', codes: 'All codes', matches: 'Matching codes', create: 'New code' };

function groupOf(option: QuickOption): keyof typeof GROUP_LABELS {
  return option.kind === 'create' ? 'create' : option.group;
}

function OptionBody({ option }: { option: QuickOption }) {
  if (option.kind === 'create') {
    return (
      <>
        <span className="option-plus" aria-hidden="true">
          +
        </span>
        <span className="option-name">
          Create “{option.name}”
          {option.parentPath && <span className="option-path"> in {option.parentPath}</span>}
        </span>
      </>
    );
  }
  const { code } = option;
  const parent = code.path.slice(0, Math.max(0, code.path.length - code.name.length - 1));
  return (
    <>
      {option.key !== null ? (
        <kbd className="option-key" aria-hidden="true">
          {option.key}
        </kbd>
      ) : null}
      <span className="code-swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
      <span className="option-name">
        {code.name}
        {parent && <span className="option-path"> in {parent}</span>}
      </span>
      {option.applied && <span className="option-applied">applied here</span>}
    </>
  );
}

export function QuickCodeList({ options, active, empty, onHover, onChoose }: Props) {
  const groups: { name: keyof typeof GROUP_LABELS; items: ReactNode[] }[] = [];
  options.forEach((option, i) => {
    const name = groupOf(option);
    let group = groups[groups.length - 1];
    if (!group || group.name !== name) {
      group = { name, items: [] };
      groups.push(group);
    }
    const depth =
      option.kind === 'code' && option.group === 'codes' ? option.code.path.split('/').length - 1 : 0;
    group.items.push(
      <div
        key={i}
        id={`quick-option-${i}`}
        role="option"
        aria-selected={i === active}
        aria-keyshortcuts={option.kind === 'code' && option.key !== null ? String(option.key) : undefined}
        className={`quick-option${i === active ? ' is-active' : ''}`}
        style={{ '--depth': depth } as CSSProperties}
        onMouseMove={() => i !== active && onHover(i)}
        // Keeps focus in the search field, so typing and the keys go on working.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onChoose(i)}
      >
        <OptionBody option={option} />
      </div>,
    );
  });
  return (
    <div id="quick-code-options" className="quick-code-options" role="listbox" aria-label="Codes">
      {groups.map((g, i) => (
        <div key={`${g.name}${i}`} role="group" aria-labelledby={`quick-group-${i}`}>
          <div id={`quick-group-${i}`} className="option-group" role="presentation">
            {GROUP_LABELS[g.name]}
          </div>
          {g.items}
        </div>
      ))}
      {options.length === 0 && (
        <p className="option-none">
          {empty ? 'The codebook is empty: type a name to create the first code.' : 'No code matches.'}
        </p>
      )}
    </div>
  );
}
