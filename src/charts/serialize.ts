// A chart drawn in the page, as markup for the exported report (which runs no script and so
// cannot draw it again). The report sanitises what it receives.

/** The element's markup; for a wrapper such as a legend, `inner` gives its children's. */
export function toMarkup(el: Element, { inner = false }: { inner?: boolean } = {}): string {
  const serializer = new XMLSerializer();
  return inner ? [...el.childNodes].map((n) => serializer.serializeToString(n)).join('') : serializer.serializeToString(el);
}
