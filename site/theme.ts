// Light or dark: the choice is `data-theme` on <html> (the CSS variables in site/styles/theme.css
// follow it). Default from the system (prefers-color-scheme); an explicit choice is remembered.
// index.html runs the same rule inline before the page paints, to avoid a flash of the wrong theme.

export type Theme = 'light' | 'dark';
export const THEME_KEY = 'cachecraft:theme';

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function applyTheme(theme: Theme, remember: boolean): void {
  document.documentElement.dataset.theme = theme;
  if (!remember) return;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // storage disabled: the theme lasts for this page only
  }
}
