import { useId } from 'react';
import './ui.css';

interface FilterFieldProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  className?: string;
}

/** A search box that narrows a list as you type; Escape empties it. */
export function FilterField({ label, placeholder, value, onChange, className }: FilterFieldProps) {
  const id = useId();
  return (
    <span className={`sb-filter ${className ?? ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="sb-input sb-filter-input"
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            e.stopPropagation();
            onChange('');
          }
        }}
      />
    </span>
  );
}
