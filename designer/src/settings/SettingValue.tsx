import { isPerLanguageText, isPlainObject } from './flatten-settings';
import { languageName } from './PerLanguageTextInput';
import { humanizeKey } from './setting-fields';

/** A setting's value for reading: lists as ordered lists, yes/no for booleans, objects as "key: value". */
export function SettingValue({ value }: { value: unknown }) {
  if (value === undefined) return <span className="muted">Not set</span>;
  if (value === null) return <span className="muted">None</span>;
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">Empty list</span>;
    return (
      <ol className="setting-value-list">
        {value.map((item, index) => (
          <li key={index}>
            <SettingValue value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (isPerLanguageText(value)) {
    return (
      <ul className="setting-value-object">
        {Object.entries(value).map(([language, text]) => (
          <li key={language}>
            <span className="setting-value-key">{languageName(language)}:</span>{' '}
            <span lang={language}>{text}</span>
          </li>
        ))}
      </ul>
    );
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return <span className="muted">Nothing set</span>;
    return (
      <ul className="setting-value-object">
        {entries.map(([key, item]) => (
          <li key={key}>
            <span className="setting-value-key">{humanizeKey(key)}:</span> <SettingValue value={item} />
          </li>
        ))}
      </ul>
    );
  }
  return <>{String(value)}</>;
}
