import { useState } from 'react';
import { applyTheme, currentTheme, type Theme } from './theme';

/** Light/dark switch; the first choice comes from the system (see index.html). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(currentTheme);
  const other: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => {
        applyTheme(other, true);
        setTheme(other);
      }}
    >
      {theme === 'dark' ? '☀︎' : '☾'} <span>Switch to {other} theme</span>
    </button>
  );
}
