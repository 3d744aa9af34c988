import type { TextEdit } from '../engine/finding';

/**
 * Applies text edits to `text`. Edits are given in offsets of the original text and must not
 * overlap (an error otherwise). Insertions at the same offset keep the order they are given in,
 * and an insertion at the start of a replaced range goes before the replacement. One sort and
 * one join, so the cost is linear in the text and the edits (slicing a string built by repeated
 * concatenation would flatten it once per edit).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  const pieces: string[] = [];
  let position = 0;
  for (const { edit } of sorted) {
    if (edit.start < position) throw new Error(`overlapping edits at offset ${edit.start}`);
    pieces.push(text.slice(position, edit.start), edit.text);
    position = edit.end;
  }
  pieces.push(text.slice(position));
  return pieces.join('');
}
