// HTML for the exported report is built only through `html`: every interpolated value is escaped
// unless it is already Html, so data can never become markup by accident. Markup the app did not
// build this way goes in only through `svgMarkup` (sanitised) or `styleSheet` (the app's own CSS).
import { escapeHtml } from '../model/csv';
import { sanitizeSvg } from './sanitize-svg';

export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return new Html(strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i]) : ''), ''));
}

/** Markup serialised by the app (a chart's SVG or legend), made inert before it is placed. */
export function svgMarkup(markup: string): Html {
  return new Html(sanitizeSvg(markup));
}

/** The report's own style sheet (a constant, never data); it cannot close its <style> element. */
export function styleSheet(css: string): Html {
  return new Html(css.replace(/<\/style/gi, '<\\/style'));
}
