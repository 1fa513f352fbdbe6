import { useParams } from 'react-router';
import type { ApiClient, JourneyType } from '../api';
import { Redirect } from '../Redirect';
import { JourneyTypeCard } from './JourneyTypeCard';
import { isJourneyTypeView, JourneyTypeView, journeyTypePath } from './JourneyTypeView';

interface CatalogueScreenProps {
  client: ApiClient;
  types: JourneyType[];
  canPublish: boolean;
}

/**
 * Every journey type with its counts; the one in the address (`/journeys/<type>/map`) shown as a
 * map or its settings. Without one, the first type's map.
 */
export function CatalogueScreen({ client, types, canPublish }: CatalogueScreenProps) {
  const { typeId, view } = useParams();
  const chosen = types.find((type) => type.id === typeId);
  const first = types[0];
  if ((!chosen || !isJourneyTypeView(view)) && first)
    return <Redirect to={journeyTypePath(chosen ?? first, 'map')} />;
  return (
    <div className="layout">
      <section className="panel" aria-labelledby="catalogue-heading">
        <h2 id="catalogue-heading">Journey catalogue</h2>
        <ul className="type-list">
          {types.map((type) => (
            <JourneyTypeCard key={type.id} client={client} type={type} selected={type.id === chosen?.id} />
          ))}
        </ul>
      </section>
      {chosen && isJourneyTypeView(view) && (
        <JourneyTypeView key={chosen.id} client={client} type={chosen} view={view} canPublish={canPublish} />
      )}
    </div>
  );
}
