import { attrOf, childrenOf, tagOf, textOf, type XmlNode } from './_ooxml.js';

/** Revision marks of content (ECMA-376 Part 1 §17.13.5): text or rows inserted, deleted or moved, not yet accepted or rejected. */
const INSERTED = new Set(['w:ins', 'w:moveTo', 'w:cellIns']);
const DELETED = new Set(['w:del', 'w:moveFrom', 'w:cellDel']);
/** A revision mark on a paragraph mark or a run's properties (`w:pPr/w:rPr/w:ins`): no text of its own. */
const PROPERTIES = new Set(['w:rPr', 'w:pPr', 'w:sectPr', 'w:tblPr', 'w:sdtPr']);

/** The deleted text (`w:delText`) under a node, as Word would show it struck through. */
function deletedText(node: XmlNode): string {
  const tag = tagOf(node);
  if (tag === 'w:delText') return childrenOf(node).map(textOf).join('');
  if (tag === '#text') return '';
  return childrenOf(node).map(deletedText).join('');
}

/**
 * One note on the tracked changes of a Word body that are neither accepted nor rejected: the
 * document is read as Word shows it with them accepted (inserted text read, deleted text not),
 * which the reader of a check should know — a deleted figure is not checked. Counts the
 * insertions and the deletions (moves as both), names the first paragraph holding one (its index
 * among the body's children, 1-based, as every block position says) and quotes the first deleted
 * text with a figure. `undefined` when the body has none; a revision of formatting alone
 * (`w:rPrChange`) or of a paragraph mark (`w:pPr/w:rPr/w:ins`) is not counted.
 * @example
 * revisionsNote(body, 'kh.docx') //=> 'kh.docx: the document holds tracked changes not yet accepted or rejected (1 insertion, 1 deletion; the first in paragraph 2): …'
 */
export function revisionsNote(body: readonly XmlNode[], source: string | undefined): string | undefined {
  let inserted = 0;
  let deleted = 0;
  let first: number | undefined;
  let figure: string | undefined;
  const walk = (node: XmlNode, at: number): void => {
    const tag = tagOf(node);
    if (tag === '#text' || PROPERTIES.has(tag)) return;
    if (INSERTED.has(tag) || DELETED.has(tag)) {
      if (INSERTED.has(tag)) inserted++;
      else {
        deleted++;
        const text = deletedText(node).trim();
        if (figure === undefined && /\d/.test(text)) figure = text.length > 60 ? `${text.slice(0, 59)}…` : text;
      }
      first ??= at;
    }
    // a row's or cell's properties hold only the marks of a row or cell inserted or deleted (`w:trPr/w:del`, `w:tcPr/w:cellIns`); a deleted row's text is in its cells
    const children = childrenOf(node).filter((c) => (tag !== 'w:trPr' && tag !== 'w:tcPr') || INSERTED.has(tagOf(c)) || DELETED.has(tagOf(c)));
    for (const c of children) walk(c, at);
  };
  body.forEach((node, i) => walk(node, i));
  if (first === undefined) return undefined;
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const counts = [inserted > 0 ? count(inserted, 'insertion', 'insertions') : '', deleted > 0 ? count(deleted, 'deletion', 'deletions') : ''].filter((x) => x !== '').join(', ');
  const quote = figure === undefined ? '' : ` (deleted: ${JSON.stringify(figure)})`;
  return `${source ?? 'the document'}: the document holds tracked changes not yet accepted or rejected (${counts}; the first in paragraph ${first + 1}): it is read as Word shows it with every change accepted, inserted text read and deleted text not${quote}; accept or reject them in Word (Review › Accept or Reject) so the file holds only the figures that stand, then check it again`;
}

/** True for an on/off run property that is on (`<w:strike/>`, `<w:strike w:val="true"/>`; ECMA-376 §17.17.4). */
function on(node: XmlNode | undefined): boolean {
  if (node === undefined) return false;
  const v = attrOf(node, 'w:val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

/**
 * True for a run struck through by hand (`w:strike` or `w:dstrike` in its own properties,
 * §17.3.2.37 and §17.3.2.9): what an official does to cross out a figure without tracked changes,
 * Word showing it crossed out; not the plan's text.
 */
export function isStruckRun(r: XmlNode): boolean {
  const rPr = childrenOf(r).find((c) => tagOf(c) === 'w:rPr');
  if (rPr === undefined) return false;
  return childrenOf(rPr).some((c) => (tagOf(c) === 'w:strike' || tagOf(c) === 'w:dstrike') && on(c));
}

/**
 * One note on the text struck through by hand in a Word body: it is not read
 * (Word shows it crossed out, as a deletion), and the note names the first paragraph holding
 * such text and quotes it; `undefined` when the body has none.
 * @example
 * struckTextNote(body, 'kh.docx') //=> 'kh.docx: paragraph 2 holds text struck through ("1.234"), …'
 */
export function struckTextNote(body: readonly XmlNode[], source: string | undefined): string | undefined {
  let count = 0;
  let first: { at: number; text: string } | undefined;
  const walk = (node: XmlNode, at: number): void => {
    const tag = tagOf(node);
    if (tag === '#text' || PROPERTIES.has(tag) || DELETED.has(tag)) return;
    if (tag === 'w:r' && isStruckRun(node)) {
      const text = childrenOf(node).filter((c) => tagOf(c) === 'w:t').flatMap(childrenOf).map(textOf).join('').trim();
      if (text !== '') {
        count++;
        first ??= { at, text: text.length > 60 ? `${text.slice(0, 59)}…` : text };
      }
      return;
    }
    for (const c of childrenOf(node)) walk(c, at);
  };
  body.forEach((node, i) => walk(node, i));
  if (first === undefined) return undefined;
  const more = count > 1 ? ` and ${count - 1} more ${count === 2 ? 'run' : 'runs'} struck through` : '';
  return `${source ?? 'the document'}: paragraph ${first.at + 1} holds text struck through (${JSON.stringify(first.text)})${more}: it is not read, as Word shows it crossed out: deleted by hand; if it belongs to the plan, remove the strikethrough (Home › Strikethrough), or delete the text, then check the file again`;
}
