// Deciding which label-shaped prefixes are really speakers, and giving each speaker one display name.
// Transcripts are typed by hand or by services with their own habits, so the rules favour missing a
// one-off label over inventing a speaker called "For example".

/** A label occurrence as seen at the start of a line or cue, before we decide whether to trust it. */
export interface LabelCandidate {
  name: string;
  /** Set out in bold/emphasis or in a WebVTT voice tag: the author meant it as a label. */
  hinted: boolean;
  /** Words follow on the same line, or a timestamp marks it as a turn header. */
  hasBody: boolean;
}

const MAX_LABEL_CHARS = 40;
const MAX_LABEL_WORDS = 5;

// Words that begin prose, metadata or report headings, not speakers. Lower case, inner spaces collapsed.
const NOT_SPEAKERS = new Set(
  [
    'note', 'notes', 'nb', 'n.b', 'ps', 'p.s', 'example', 'examples', 'for example', 'e.g', 'eg', 'i.e', 'ie',
    'for instance', 'in other words', 'in summary', 'in short', 'that is', 'namely', 'see', 'see also', 'cf',
    'http', 'https', 'ftp', 'mailto', 'file', 'www',
    'date', 'time', 'timestamp', 'duration', 'length', 'location', 'place', 'venue', 'setting', 'title', 'subject',
    'topic', 're', 'fw', 'fwd', 'to', 'from', 'cc', 'participants', 'attendees', 'present', 'absent', 'apologies',
    'speakers', 'speaker', 'name', 'text', 'transcript', 'transcription', 'transcribed by', 'transcriber',
    'interview', 'recording', 'audio', 'audio file', 'video', 'source', 'keywords', 'tags', 'project', 'study',
    'summary', 'abstract', 'introduction', 'background', 'context', 'overview', 'method', 'methods',
    'methodology', 'findings', 'results', 'result', 'discussion', 'conclusion', 'conclusions', 'recommendations',
    'limitations', 'references', 'appendix', 'agenda', 'actions', 'action', 'outcome', 'outcomes', 'purpose',
    'aim', 'aims', 'objective', 'objectives', 'goal', 'goals', 'scope', 'update', 'edit', 'important', 'warning',
    'caution', 'tip', 'hint', 'reminder', 'disclaimer', 'aside', 'pros', 'cons', 'total', 'status',
    'yes', 'no', 'ok', 'okay', 'so', 'and', 'but', 'or', 'because', 'well', 'also', 'then', 'now', 'however',
    'therefore', 'thus', 'hence', 'anyway', 'basically', 'actually', 'honestly', 'first', 'firstly', 'second',
    'secondly', 'third', 'thirdly', 'finally', 'lastly', 'overall', 'meanwhile', 'otherwise', 'instead',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'remarque', 'exemple', 'par exemple', 'donc', 'alors', 'mais', 'puis', 'ensuite', 'enfin', 'bref', 'oui',
    'non', 'résumé', 'sujet', 'lieu', 'durée',
  ], // prettier-ignore
);

// Numbered document structure ("Chapter 2:", "Step 3:") rather than a numbered participant ("P3:").
const STRUCTURE_WORDS =
  /^(?:chapter|section|part|step|figure|fig|table|appendix|page|item|point|rule|article|phase|stage|slide|week|day|session|round|question|q|task)\b/;

// Lower-case particles inside personal names: José de la Cruz, Ludwig van Beethoven.
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'der',
  'den',
  'di',
  'du',
  'la',
  'le',
]);
for (const p of ['van', 'von', 'bin', 'ibn', 'al', 'el', 'y', 'ap', 'ter', 'ten', 'and', '&'])
  PARTICLES.add(p);

/** Display form: trimmed, inner white space (including no-break spaces) collapsed. */
export function tidyName(name: string): string {
  return name.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** `Sam (Housing)` -> `Sam`. */
export function baseName(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, '').trim();
}

/** Identity of a speaker across spellings: `Interviewer 1`, `Interviewer1`, `INTERVIEWER1`. */
export function speakerKey(name: string): string {
  return name.toLowerCase().replace(/[\s\u00a0\u202f.]+/g, '');
}

const NAME_SHAPE = /^\p{L}[\p{L}\p{M}\p{N} .'’\-&/#_]*(?: ?\([^()]{1,30}\))?$/u;

/** Short enough, with only the characters a name, role or participant id uses. */
export function hasLabelShape(name: string): boolean {
  if (name.length === 0 || name.length > MAX_LABEL_CHARS || !NAME_SHAPE.test(name)) return false;
  return baseName(name).split(' ').length <= MAX_LABEL_WORDS;
}

export function isNotSpeaker(name: string): boolean {
  const base = baseName(name).toLowerCase().replace(/\.$/, '');
  return NOT_SPEAKERS.has(base) || (STRUCTURE_WORDS.test(base) && /\d/.test(base) && base.includes(' '));
}

/** Reads like a name or participant id: every word capitalised or numbered (particles aside). */
export function isNameLike(name: string): boolean {
  const words = baseName(name).split(' ');
  return words.every((w, i) => {
    if (/\d/.test(w) || /^\p{Lu}/u.test(w)) return true;
    if (/^\p{Ll}{1,3}['’]\p{Lu}/u.test(w)) return true; // d'Arcy, O'Neil typed as o'Neil
    return i > 0 && PARTICLES.has(w);
  });
}

/**
 * Keys of the candidates that are real speaker labels. A label is trusted when it recurs, when the
 * author marked it (bold, voice tag), or when it reads like a name in a document that has at least
 * two plausible speakers — so a lone "Overall: it was fine" in an essay is not a speaker.
 */
export function acceptLabels(candidates: readonly LabelCandidate[]): Set<string> {
  const stats = new Map<string, { count: number; hinted: boolean; hasBody: boolean; name: string }>();
  for (const c of candidates) {
    if (!hasLabelShape(c.name) || isNotSpeaker(c.name)) continue;
    const key = speakerKey(c.name);
    const s = stats.get(key) ?? { count: 0, hinted: false, hasBody: false, name: c.name };
    s.count++;
    s.hinted ||= c.hinted;
    s.hasBody ||= c.hasBody;
    stats.set(key, s);
  }
  // Lower-case labels must recur and stay short: `interviewer:`, `audience member:`, not `what I mean is:`.
  const shapeOk = (name: string) => isNameLike(name) || baseName(name).split(' ').length <= 3;
  const strong = new Set<string>();
  const weak = new Set<string>();
  for (const [key, s] of stats) {
    if (!shapeOk(s.name)) continue;
    if (s.hinted || s.count >= 2) strong.add(key);
    else if (isNameLike(s.name) && s.hasBody) weak.add(key);
  }
  const accepted = new Set(strong);
  if (strong.size + weak.size >= 2) for (const key of weak) accepted.add(key);
  return accepted;
}

const isMixedCase = (s: string) => /\p{Lu}/u.test(s) && /\p{Ll}/u.test(s);

/**
 * One display name per speaker, for names already accepted as labels. Spellings that differ only in
 * case, spaces or dots are one speaker; the mixed-case spelling wins over SHOUTING or lower case, then
 * the most frequent. A bare `Sam` joins `Sam (Housing)` when that is the only `Sam (…)` in the file,
 * because transcribers often give the role on a speaker's first turn only.
 */
export function unifySpeakers(names: readonly string[]): Map<string, string> {
  const byKey = new Map<string, Map<string, { count: number; first: number }>>();
  names.forEach((raw, i) => {
    const name = tidyName(raw);
    const key = speakerKey(name);
    const spellings = byKey.get(key) ?? new Map<string, { count: number; first: number }>();
    const s = spellings.get(name) ?? { count: 0, first: i };
    s.count++;
    spellings.set(name, s);
    byKey.set(key, spellings);
  });

  const group = new Map<string, string>([...byKey.keys()].map((k) => [k, k]));
  const withRole = new Map<string, string[]>();
  for (const [key, spellings] of byKey) {
    const any = [...spellings.keys()][0]!;
    if (baseName(any) !== any) {
      const base = speakerKey(baseName(any));
      withRole.set(base, [...(withRole.get(base) ?? []), key]);
    }
  }
  for (const key of byKey.keys()) {
    const roles = withRole.get(key);
    if (roles?.length === 1) group.set(key, roles[0]!);
  }

  const display = new Map<string, string>();
  for (const target of new Set(group.values())) {
    const variants: Array<{ name: string; count: number; first: number }> = [];
    for (const [key, spellings] of byKey) {
      if (group.get(key) !== target) continue;
      for (const [name, s] of spellings) variants.push({ name, ...s });
    }
    variants.sort(
      (a, b) =>
        Number(baseName(b.name) !== b.name) - Number(baseName(a.name) !== a.name) ||
        Number(isMixedCase(b.name)) - Number(isMixedCase(a.name)) ||
        b.count - a.count ||
        a.first - b.first,
    );
    display.set(target, variants[0]!.name);
  }

  const result = new Map<string, string>();
  for (const raw of names) result.set(raw, display.get(group.get(speakerKey(tidyName(raw)))!)!);
  return result;
}
