import {
  BOLD,
  heading,
  ITALIC,
  lineBreak,
  list,
  paragraph,
  textNode,
  UNDERLINE,
  type MemoBlock,
} from '../../db/exchange/lexical-json';

/** Everything the memo editor can show: both heading levels, the three formats, line breaks, nested lists. */
export const RICH_MEMO: MemoBlock[] = [
  heading('h2', [textNode('Findings')]),
  paragraph([
    textNode('Trust is '),
    textNode('earned', BOLD),
    textNode(', not '),
    textNode('given', ITALIC | UNDERLINE),
    lineBreak(),
    textNode('see https://example.org/trust?a=1 for more'),
  ]),
  heading('h3', [textNode('Open questions')]),
  list(false, [
    [textNode('Who decides?')],
    list(true, [[textNode('first')], [textNode('second', BOLD)]], 1),
    [textNode('Tabs\tkept')],
  ]),
  list(true, [[textNode('one')], [textNode('two')]]),
  paragraph([textNode('End.')]),
];
