import { type ApiClient, type JourneyType } from './api';
import { Notice } from './Notice';
import { useApiResource } from './useApiResource';

function parameterNames(schema: Record<string, unknown>): string[] {
  const properties = schema.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

export function JourneyTypesList({ client }: { client: ApiClient }) {
  const { resource, reload } = useApiResource<JourneyType[]>(client, '/api/journey-types');

  return (
    <section className="panel" aria-labelledby="journey-types-heading">
      <h2 id="journey-types-heading">Journey types</h2>
      {resource.status === 'loading' && <Notice tone="loading">Loading journey types…</Notice>}
      {resource.status === 'error' && (
        <Notice tone="error" onRetry={reload}>
          {resource.message}
        </Notice>
      )}
      {resource.status === 'ready' && resource.data.length === 0 && (
        <Notice tone="empty">This deployment has no journey types yet.</Notice>
      )}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <ul className="type-list">
          {resource.data.map((type) => {
            const params = parameterNames(type.paramsSchema);
            return (
              <li key={type.id}>
                <h3>{type.title}</h3>
                <p className="muted">
                  <code>{type.id}</code>
                </p>
                <p>{type.description}</p>
                {params.length > 0 && (
                  <p className="muted">
                    Parameters:{' '}
                    {params.map((name, index) => (
                      <span key={name}>
                        {index > 0 && ', '}
                        <code>{name}</code>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
