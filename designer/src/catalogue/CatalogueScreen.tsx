import { useState } from 'react';
import type { ApiClient, JourneyType } from '../api';
import { JourneyTypeCard } from './JourneyTypeCard';
import { JourneyTypeView } from './JourneyTypeView';

interface CatalogueScreenProps {
  client: ApiClient;
  types: JourneyType[];
  canPublish: boolean;
}

/** Every journey type with its counts; the chosen one (the first at start) shown as a map. */
export function CatalogueScreen({ client, types, canPublish }: CatalogueScreenProps) {
  const [chosenId, setChosenId] = useState(types[0]?.id);
  const chosen = types.find((type) => type.id === chosenId);
  return (
    <div className="layout">
      <section className="panel" aria-labelledby="catalogue-heading">
        <h2 id="catalogue-heading">Journey catalogue</h2>
        <ul className="type-list">
          {types.map((type) => (
            <JourneyTypeCard
              key={type.id}
              client={client}
              type={type}
              selected={type.id === chosenId}
              onSelect={() => setChosenId(type.id)}
            />
          ))}
        </ul>
      </section>
      {chosen && <JourneyTypeView key={chosen.id} client={client} type={chosen} canPublish={canPublish} />}
    </div>
  );
}
