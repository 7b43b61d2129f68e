// Builds the report's elements. Text is always set as text, never as HTML, so nothing a report
// contains can become markup.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== undefined && child !== null) node.append(child);
  }
  return node;
}

/** A captioned table in a wrapper that scrolls sideways on narrow screens. */
export function table({ caption, id, columns, rows, footer }) {
  const head = el(
    'tr',
    {},
    ...columns.map((column) =>
      el('th', { scope: 'col', class: column.numeric ? 'num' : undefined }, column.label),
    ),
  );
  const body = el('tbody', {}, ...rows);
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { class: 'table', id },
      el('caption', {}, caption),
      el('thead', {}, head),
      body,
      footer ? el('tfoot', {}, footer) : undefined,
    ),
  );
}
