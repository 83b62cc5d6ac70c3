import type { Project } from './project';
import type { ProjectStats } from '../shared/types';

export function projectStats(project: Project): ProjectStats {
  return project.db
    .prepare(
      `SELECT (SELECT count(*) FROM documents) AS documents,
         (SELECT coalesce(sum(words), 0) FROM documents) AS words,
         (SELECT count(DISTINCT speaker_id) FROM turns) AS speakers,
         (SELECT count(*) FROM codes) AS codes,
         (SELECT count(*) FROM codings) AS codings`,
    )
    .get() as ProjectStats;
}
