// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, lineText, visibleText } from '../../../lib/webmail/outlook/text';

function el(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  return doc.getElementById('root')!;
}

describe('visibleText', () => {
  it('puts blocks on their own lines, paragraphs with a blank line, <br> as a line break', () => {
    expect(visibleText(el('<p>one</p><p>two<br>three</p><div>four</div><div>five</div>'))).toBe(
      'one\n\ntwo\nthree\n\nfour\nfive',
    );
  });

  it('separates table cells with a tab and rows with a line', () => {
    expect(visibleText(el('<table><tr><td>Reported error:</td><td> 550 5.1.1 </td></tr><tr><td>a</td><td>b</td></tr></table>'))).toBe(
      'Reported error:\t550 5.1.1\na\tb',
    );
  });

  it('folds whitespace outside <pre> and keeps the line breaks inside (lines trimmed)', () => {
    expect(visibleText(el('<p>Remote   Server\n  returned</p><pre>Received: x\n  by y</pre>'))).toBe(
      'Remote Server returned\n\nReceived: x\nby y',
    );
  });

  it('leaves out styles, scripts, hidden parts and our own nodes', () => {
    const root = el(
      '<style>p{margin:0}</style><script>var x = 1</script><p hidden>hidden</p><p style="display: none">none</p>' +
        '<span data-bounce-sweeper="badge">Hard bounce</span><p>kept</p>',
    );
    expect(visibleText(root)).toBe('kept');
  });

  it('keeps image alt text and reads entities as text, never as markup', () => {
    expect(visibleText(el('<img alt="Office 365"><p>&lt;b&gt;x@example.org&lt;/b&gt;</p>'))).toBe('Office 365\n\n<b>x@example.org</b>');
  });

  it('caps very long bodies', () => {
    const root = el(`<pre>${'a'.repeat(MAX_TEXT_LENGTH + 10)}</pre>`);
    expect(visibleText(root)).toHaveLength(MAX_TEXT_LENGTH);
  });
});

describe('lineText', () => {
  it('folds a subtree to one line and drops zero-width spaces', () => {
    expect(lineText(el('<span> Ana\n Gómez </span>\u200b<span>x</span>'))).toBe('Ana Gómez x');
    expect(lineText(null)).toBe('');
  });
});
