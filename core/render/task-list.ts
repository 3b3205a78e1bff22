import type { MarkdownIt, Token } from 'markdown-it';

/** `[ ] ` or `[x] ` at the start of a list item's text: a check box the reader ticks on paper or in Notion. */
const BOX = /^\[([ xX])\] /;

/**
 * Turns list items that start with `[ ]` / `[x]` into disabled check boxes, as GitHub and Notion
 * show them: plain markdown-it would print the brackets as text. Disabled because an HTML page
 * cannot keep a tick; the box is for printing or reading. Only a `text` token that starts the
 * item counts, so `[x]` typed inside a name (escaped as `\[x\]` by the templates) stays text.
 */
export function taskLists(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'okra_task_lists', (state) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i];
      if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') continue;
      const first = inline.children?.[0];
      const match = first?.type === 'text' ? BOX.exec(first.content) : null;
      if (!first || !match) continue;
      first.content = first.content.slice(match[0].length);
      const box: Token = new state.Token('okra_task_box', 'input', 0);
      box.meta = { checked: match[1] !== ' ' };
      inline.children!.unshift(box);
      tokens[i - 2].attrJoin('class', 'task');
    }
  });
  md.renderer.rules.okra_task_box = (tokens, index) =>
    `<input type="checkbox" disabled${(tokens[index].meta as { checked: boolean }).checked ? ' checked' : ''}> `;
}
