import type { TextEdit } from './finding';

/**
 * Applies text edits to `text`. Edits are given in offsets of the original text and must not
 * overlap (an error otherwise); they are applied from the end so earlier offsets stay valid.
 * Insertions at the same offset keep the order they are given in, and an insertion at the start
 * of a replaced range goes before the replacement.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index)
    .map(({ edit }) => edit);
  let out = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error(`overlapping edits at offset ${edit.start}`);
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}
