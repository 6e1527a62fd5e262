import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';

/**
 * The plan as Word writes it: “a) ” and “- ” items as Word's own numbered and bulleted lists (the
 * marker is not in the text), thousands grouped with no-break spaces, and every other paragraph in
 * decomposed (NFD) Unicode.
 */
export async function wordPlan(text: string): Promise<Uint8Array> {
  const children = text.split(/\n\s*\n/).map((raw, i) => {
    const nbsp = raw.replace(/(\d)\.(\d{3})(?!\d)/g, '$1\u00a0$2');
    const body = i % 2 === 0 ? nbsp.normalize('NFD') : nbsp;
    const letter = /^[a-z]\)\s+/.exec(body);
    const dash = /^-\s+/.exec(body);
    if (letter !== null) return new Paragraph({ text: body.slice(letter[0].length), numbering: { reference: 'letters', level: 0 } });
    if (dash !== null) return new Paragraph({ text: body.slice(dash[0].length), numbering: { reference: 'dashes', level: 0 } });
    return new Paragraph({ text: body });
  });
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'letters', levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)', alignment: AlignmentType.LEFT }] },
        { reference: 'dashes', levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
