import { Link } from 'react-router';
import type { ApiClient } from '../api';
import { useApiResource } from '../useApiResource';

interface SettingsFitCheckProps {
  client: ApiClient;
  id: string;
}

/**
 * Before publishing: whether the program settings current now still fit the draft's declared
 * settings. Enrolment refuses settings that do not fit the version a patient would run (HZ-72),
 * so a publish that makes them unfit stops new enrolments until settings that fit are published;
 * the designer is told beforehand, with the settings to change. Mounted anew after each save.
 */
export function SettingsFitCheck({ client, id }: SettingsFitCheckProps) {
  const { resource } = useApiResource(client, '/api/journey-definitions/{id}/draft/settings-fit', {
    params: { path: { id } },
  });
  // No draft, or still checking: nothing to warn about yet.
  if (resource.status !== 'ready' || resource.data.fits) return null;
  const { settingsVersion, problems } = resource.data;
  return (
    <section role="alert" aria-label="Program settings after publishing" className="problem-list">
      <p>
        Program settings version {settingsVersion} do not fit this draft. Once it is published, new enrolments
        are refused until settings that fit are published (
        <Link to={`/journeys/${id}/settings`}>program settings</Link>):
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            <strong>{problem.field}</strong>: {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
