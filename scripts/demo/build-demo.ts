// A realistic demo project (three communities of practice discussing one case) for screenshots and trying
// the app: `npx tsx scripts/demo/build-demo.ts demo.commonplace`.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Project } from '../../db/project';
import { importFiles } from '../../db/import/import-files';
import { insertCode } from '../../db/codes';
import { insertCodings, type NewCoding } from '../../db/codings';
import { saveMemo } from '../../db/memos';
import { setAttribute } from '../../db/attributes';
import { listSpeakers } from '../../db/speakers';

const here = dirname(fileURLToPath(import.meta.url));

const CODEBOOK: {
  name: string;
  color: string;
  description: string;
  children?: { name: string; color: string; description: string }[];
}[] = [
  {
    name: 'Managerial domination',
    color: '#C0392B',
    description:
      'Management by numbers overriding professional judgement: targets, dashboards, specifications.',
    children: [
      {
        name: 'Targets and metrics',
        color: '#E67E22',
        description: 'What is counted, and what counting does to the work.',
      },
      {
        name: 'Payment by results',
        color: '#D35400',
        description: 'Contracts that pay only on measured outcomes.',
      },
    ],
  },
  {
    name: 'Authentic relationships',
    color: '#27AE60',
    description:
      'Continuity, honesty and trust between a worker and a person, seen as the real intervention.',
    children: [
      {
        name: 'Trust',
        color: '#16A085',
        description: 'Trust between workers, managers, services and residents.',
      },
    ],
  },
  {
    name: 'Secret caseloads',
    color: '#8E44AD',
    description: 'People workers keep supporting off the record, after closure, discharge or reallocation.',
  },
  {
    name: 'Little miracles',
    color: '#2980B9',
    description: 'Small, unrecorded signs of change that keep workers going.',
  },
  { name: 'Informal working', color: '#7F8C8D', description: 'Getting things done outside official routes.' },
];

// [document, code path, passage]: passages are found in the text, so offsets stay exact.
const CODINGS: [string, string, string][] = [
  [
    'northgate-march',
    'Managerial domination/Targets and metrics',
    'the targets drive everything at the moment',
  ],
  [
    'northgate-march',
    'Managerial domination',
    'My manager counts tenancies sustained at twelve weeks, not whether anybody is actually better off.',
  ],
  [
    'northgate-march',
    'Managerial domination/Targets and metrics',
    'Daniel counts as a success on paper because he still has the keys.',
  ],
  [
    'northgate-march',
    'Authentic relationships',
    "I think it's the same worker. He's had me for six months now, which never happens.",
  ],
  [
    'northgate-march',
    'Secret caseloads',
    "I kept him on my list without telling anyone, to be honest. That's my secret caseload: the ones I'm not supposed to still have.",
  ],
  [
    'northgate-march',
    'Secret caseloads',
    "Mine is about eight people who were discharged from the service but still ring me. If I logged it, I'd be told to stop.",
  ],
  [
    'northgate-march',
    'Managerial domination',
    "the system punishes it, because on the dashboard it looks like I'm slow with my allocated cases",
  ],
  [
    'northgate-march',
    'Little miracles',
    "He turned up. On his own. Nobody drove him. I'd call that a little miracle, given where he was in January.",
  ],
  [
    'northgate-march',
    'Managerial domination/Payment by results',
    'The payment-by-results contract only pays on outcomes at six months, so all the small steps in between are invisible.',
  ],
  [
    'northgate-march',
    'Authentic relationships/Trust',
    'Someone at the hostel he trusts. He told me the night staff treat him like a file number.',
  ],
  ['northgate-march', 'Informal working', 'Informally is the only way anything works round here.'],
  [
    'northgate-march',
    'Informal working',
    'I can ask our neighbourhood officer to drop in on the evening shift. Informally.',
  ],
  [
    'eastbridge-march',
    'Managerial domination/Targets and metrics',
    'Housing on tenancies, probation on compliance, us on footfall. Nobody is measured on him.',
  ],
  [
    'eastbridge-march',
    'Managerial domination',
    "It's managerial domination, really. The spreadsheet wins every argument.",
  ],
  [
    'eastbridge-march',
    'Managerial domination/Targets and metrics',
    'when the target is forty minutes a visit',
  ],
  [
    'eastbridge-march',
    'Authentic relationships',
    "The authentic relationship is the intervention, but you can't write that in a bid.",
  ],
  [
    'eastbridge-march',
    'Authentic relationships',
    'The relationship is the only thing that survives when the funding changes.',
  ],
  [
    'eastbridge-march',
    'Little miracles',
    "A woman I've worked with for two years phoned me before she used, instead of after. That's a little miracle, but it won't show anywhere.",
  ],
  ['eastbridge-march', 'Little miracles', 'We keep a wall of those in the drop-in. Post-it notes.'],
  [
    'eastbridge-march',
    'Secret caseloads',
    "Some of us keep people on our books after discharge. Off the record. I know it's not allowed.",
  ],
  [
    'eastbridge-march',
    'Secret caseloads',
    'A shadow system run on goodwill, yes. And when one of us leaves, it goes with them.',
  ],
  [
    'harbour-april',
    'Managerial domination/Payment by results',
    "Everything is outcomes now. We've been told to prioritise cases that will close within the quarter.",
  ],
  ['harbour-april', 'Managerial domination/Targets and metrics', 'Long cases look bad on the dashboard.'],
  [
    'harbour-april',
    'Secret caseloads',
    "I have two colleagues who keep a separate list of people they still check on. It's not on any system.",
  ],
  ['harbour-april', 'Secret caseloads', 'officially I closed his case eleven months ago'],
  [
    'harbour-april',
    'Authentic relationships/Trust',
    "At the moment the managers don't trust us, so we hide the good work.",
  ],
  [
    'harbour-april',
    'Authentic relationships/Trust',
    "the residents don't trust the system, so they only talk to the one person who stuck around",
  ],
  [
    'harbour-april',
    'Little miracles',
    "He shook my hand. Twenty years in this job and that's the first time.",
  ],
  ['harbour-april', 'Little miracles', "A small one. They're always small."],
  // Overlaps: the same words often carry more than one theme.
  ['northgate-march', 'Authentic relationships', 'I kept him on my list without telling anyone'],
  ['northgate-march', 'Authentic relationships', 'He turned up. On his own.'],
  ['eastbridge-march', 'Managerial domination/Targets and metrics', 'The spreadsheet wins every argument.'],
  ['harbour-april', 'Secret caseloads', 'so we hide the good work'],
  ['harbour-april', 'Authentic relationships', 'He shook my hand.'],
];

const ROLES: Record<string, string> = {
  Police: 'Police',
  Housing: 'Housing',
  Probation: 'Probation',
  Health: 'Health',
  Charity: 'Charity',
  'Social care': 'Social care',
  'Mental health': 'Mental health',
};

export async function buildDemoProject(path: string): Promise<Project> {
  const project = Project.create(path, { coder: 'Ruth (PI)' });
  await importFiles(project, [join(here, 'northgate-march.txt')], { group: 'Northgate' });
  await importFiles(project, [join(here, 'eastbridge-march.txt')], { group: 'Eastbridge' });
  await importFiles(project, [join(here, 'harbour-april.txt')], { group: 'Harbour' });
  project.mutate('Create demo codebook', () => {
    for (const c of CODEBOOK) {
      const id = insertCode(project, c);
      for (const child of c.children ?? []) insertCode(project, { ...child, parentId: id });
    }
  });
  const codeIds = new Map(
    (
      project.db.prepare('SELECT id, name, parent_id AS parentId FROM codes').all() as {
        id: number;
        name: string;
        parentId: number | null;
      }[]
    ).map((c, _i, all) => {
      const parent = all.find((p) => p.id === c.parentId);
      return [parent ? `${parent.name}/${c.name}` : c.name, c.id];
    }),
  );
  const docs = new Map(
    (
      project.db.prepare('SELECT id, name, text FROM documents').all() as {
        id: number;
        name: string;
        text: string;
      }[]
    ).map((d) => [d.name, d]),
  );
  const codings: NewCoding[] = CODINGS.map(([doc, code, passage]) => {
    const d = docs.get(doc)!;
    const start = d.text.indexOf(passage);
    if (start < 0) throw new Error(`Demo passage not found in ${doc}: ${passage}`);
    return { documentId: d.id, codeId: codeIds.get(code)!, start, end: start + passage.length };
  });
  codings[4]!.memo = 'Priya names the practice herself: "my secret caseload". Quote for the paper.';
  codings[17]!.memo = 'Compare with Sam in Northgate: the miracle is the person acting before, not after.';
  project.mutate('Apply demo codings', () => insertCodings(project, codings));
  saveMemo(
    project,
    'project',
    0,
    'Research journal\n\nAfter the March round, three themes travel across all sites: targets crowding out care, secret caseloads, and little miracles that never reach a report. Next: compare Harbour (new commissioning) with the others.',
  );
  saveMemo(
    project,
    'code',
    codeIds.get('Secret caseloads')!,
    'Every site describes keeping people "off the record". Is this resistance, or the service\'s hidden infrastructure?',
  );
  saveMemo(
    project,
    'document',
    docs.get('northgate-march')!.id,
    'Strong session. Priya and Zoë both describe informal continuity of care.',
  );
  const sessions: [string, string, string, number][] = [
    ['northgate-march', 'Northgate', '2026-03-12', 4],
    ['eastbridge-march', 'Eastbridge', '2026-03-14', 4],
    ['harbour-april', 'Harbour', '2026-04-02', 5],
  ];
  for (const [doc, site, date, session] of sessions) {
    const id = docs.get(doc)!.id;
    setAttribute(project, 'document', id, 'site', site);
    setAttribute(project, 'document', id, 'session date', date, 'date');
    setAttribute(project, 'document', id, 'session', String(session), 'number');
    setAttribute(
      project,
      'document',
      id,
      'new commissioning',
      doc === 'harbour-april' ? 'yes' : 'no',
      'boolean',
    );
  }
  for (const s of listSpeakers(project)) {
    const role = /\(([^)]+)\)/.exec(s.name)?.[1];
    const key = role && Object.keys(ROLES).find((r) => r.toLowerCase() === role.toLowerCase());
    if (key) setAttribute(project, 'speaker', s.id, 'role', ROLES[key]!);
  }
  return project;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: tsx scripts/demo/build-demo.ts OUT.commonplace');
    process.exit(2);
  }
  (await buildDemoProject(out)).close();
  console.log(`Wrote ${out}`);
}
