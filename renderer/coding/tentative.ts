// A coding is drawn the moment the reader applies it, before the core has answered, under a negative
// (tentative) id; the core's answer then gives it its real id. A popover opened on the highlight in
// between keeps showing the coding under its new id.

let lastTentative = 0;
const settled = new Map<number, number>();

export const nextTentativeId = (): number => --lastTentative;

/** Nothing can be done to a tentative coding in the core yet. */
export const isTentative = (codingId: number): boolean => codingId < 0;

export function settleTentativeId(tentative: number, id: number): void {
  settled.set(tentative, id);
}

/** The id a coding has now: its real one, once a tentative coding has been made. */
export const currentCodingId = (codingId: number): number => settled.get(codingId) ?? codingId;
