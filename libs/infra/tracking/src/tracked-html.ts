import { defaultTreeAdapter, html as spec, parse, serialize, type DefaultTreeAdapterMap } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const LINKING_ELEMENTS = new Set(['a', 'area']);

/**
 * Rewrites every http(s) link of an email (`<a href>`, `<area href>`) through `rewrite`, and
 * appends the open pixel at the end of the body. The HTML is parsed as a browser would (parse5),
 * so a link inside a comment, a script or an attribute value is never touched, and entities
 * in an href (`&amp;`) are read as the URL they stand for.
 */
export function trackHtml(html: string, rewrite: (url: string) => string | null, pixelUrl: string): string {
  const document = parse(html);
  let body: Element | null = null;
  visitElements(document, (element) => {
    if (element.tagName === 'body') body = element;
    if (!LINKING_ELEMENTS.has(element.tagName)) return;
    const href = element.attrs.find((attr) => attr.name === 'href');
    const url = href?.value.trim();
    if (!href || !url || !/^https?:\/\//i.test(url)) return;
    const tracked = rewrite(url);
    if (tracked !== null) href.value = tracked;
  });
  defaultTreeAdapter.appendChild(body ?? document, pixel(pixelUrl));
  return serialize(document);
}

function pixel(url: string): Element {
  return defaultTreeAdapter.createElement('img', spec.NS.HTML, [
    { name: 'src', value: url },
    { name: 'width', value: '1' },
    { name: 'height', value: '1' },
    { name: 'alt', value: '' },
    { name: 'style', value: 'display:block;width:1px;height:1px;border:0' },
  ]);
}

/** Every element in document order. A <template>'s content is not visited: nothing shows it. */
function visitElements(node: ParentNode, visit: (element: Element) => void): void {
  for (const child of node.childNodes ?? []) {
    if ('tagName' in child) visit(child as Element);
    if ('childNodes' in child) visitElements(child as ParentNode, visit);
  }
}
