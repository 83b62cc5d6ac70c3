// Distinguishable on white and in print; colour is never the only signal (names are always shown too).
export const CODE_PALETTE = [
  '#E6194B',
  '#3CB44B',
  '#4363D8',
  '#F58231',
  '#911EB4',
  '#42D4F4',
  '#F032E6',
  '#BFEF45',
  '#469990',
  '#9A6324',
  '#800000',
  '#808000',
  '#000075',
  '#DCBEFF',
  '#FFD8B1',
  '#AAFFC3',
];

export const isColor = (s: string): boolean => /^#[0-9a-fA-F]{6}$/.test(s);
