import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../src/report/sanitize-svg';

describe('sanitizeSvg', () => {
  it('keeps ordinary SVG as it is', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-label="A &amp; B"><style>.a { fill: red; }</style>' +
      '<g class="shapes"><path d="M0,0L1,1Z" fill="#fff" data-geo="06001"><title>Alameda, CA: 3 &lt;x&gt;</title></path></g>' +
      '<use href="#p1"/><rect fill="url(#grad)" width="2"/></svg>';
    expect(sanitizeSvg(svg)).toBe(svg);
  });

  it('keeps the map’s hatch for areas without a figure (its pattern and the fills that point at it)', () => {
    const svg =
      '<svg viewBox="0 0 10 10"><defs><pattern id="atlas-no-data" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
      '<rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#6c757d" stroke-width="1.5"/></pattern></defs>' +
      '<g class="shapes"><path d="M0,0L1,1Z" data-geo="72001" fill="url(#atlas-no-data)"/></g></svg>';
    expect(sanitizeSvg(svg)).toBe(svg);
  });

  it('removes scripts with their content, however they are written', () => {
    for (const hostile of [
      '<svg><script>alert(1)</script><g/></svg>',
      '<svg><SCRIPT type="text/javascript">alert(1)</SCRIPT><g/></svg>',
      '<svg><svg:script>alert(1)</svg:script><g/></svg>',
      '<svg><script href="data:,alert(1)"/><g/></svg>',
      '<svg><scr<script>x</script>ipt>alert(1)</svg>',
      '<svg><g/><script>alert(1)',
    ]) {
      expect(sanitizeSvg(hostile), hostile).not.toMatch(/<[\w:]*script/i);
    }
    expect(sanitizeSvg('<svg><script>alert(1)</script><g/></svg>')).toBe('<svg><g/></svg>');
  });

  it('strips event handler attributes, quoted, unquoted, in any case or after a slash', () => {
    for (const hostile of [
      '<svg onload="alert(1)"><rect/></svg>',
      '<svg><rect ONCLICK=\'alert(1)\' width="2"/></svg>',
      '<svg><rect onmouseover=alert(1) width="2"/></svg>',
      '<svg/onload=alert(1)><rect/></svg>',
      '<svg><a onfocus="alert(1)" tabindex="0"><text>x</text></a></svg>',
    ]) {
      expect(sanitizeSvg(hostile), hostile).not.toMatch(/\son\w+\s*=|\/on\w+=/i);
    }
    expect(sanitizeSvg('<svg><rect ONCLICK=\'alert(1)\' width="2"/></svg>')).toBe('<svg><rect width="2"/></svg>');
  });

  it('removes foreignObject and embedded documents with everything inside', () => {
    const clean = sanitizeSvg(
      '<svg><foreignObject width="10"><div xmlns="http://www.w3.org/1999/xhtml"><foreignObject/><img src="x" onerror="alert(1)"/></div></foreignObject><g/>' +
        '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x"/></svg>',
    );
    expect(clean).toBe('<svg><g/></svg>');
  });

  it('keeps only same-document references in href, xlink:href and src', () => {
    const clean = sanitizeSvg(
      '<svg><a href="javascript:alert(1)"><text>a</text></a><a xlink:href="http://evil.example/"><text>b</text></a>' +
        '<image href="https://evil.example/x.png"/><image xlink:href="//evil.example/x.png"/><use href=" #ok"/><use xlink:href="#ok2"/><img src="x"></svg>',
    );
    expect(clean).toBe(
      '<svg><a><text>a</text></a><a><text>b</text></a><image/><image/><use href=" #ok"/><use xlink:href="#ok2"/><img></svg>',
    );
  });

  it('neutralises CSS that would fetch, and elements that navigate or rewrite links', () => {
    const clean = sanitizeSvg(
      '<svg><style>@import url(https://evil.example/a.css); .a { background: url("http://evil.example/b.png") }</style>' +
        '<rect style="fill: url(https://evil.example/#g)"/><meta http-equiv="refresh" content="0;url=https://evil.example"/>' +
        '<a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(1)"></animate></a></svg>',
    );
    expect(clean).not.toContain('evil.example');
    expect(clean).not.toContain('javascript:');
    expect(clean).toBe('<svg><style> .a { background: none }</style><rect style="fill: none"/><a></a></svg>');
  });

  it('turns stray "<" and unreadable tags into text, and drops comments', () => {
    expect(sanitizeSvg('<svg><!-- <script>alert(1)</script> --><text>1 < 2</text></svg>')).toBe('<svg><text>1 &lt; 2</text></svg>');
    expect(sanitizeSvg('<svg><b){x="1">t</b></svg>')).not.toContain('<b)');
  });
});
