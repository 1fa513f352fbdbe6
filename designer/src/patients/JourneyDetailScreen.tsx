import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ApiClient, JourneyType } from '../api';
import { JourneyDetailPanel } from './JourneyDetailPanel';

interface JourneyDetailScreenProps {
  client: ApiClient;
  types: JourneyType[];
  isOperator: boolean;
}

/**
 * One journey on its own address (`/patients/<journey id>`): a link to share, a tab of its own.
 * The journey id is opaque: the journey type and a keyed pseudonym, never the patient id.
 */
export function JourneyDetailScreen({ client, types, isOperator }: JourneyDetailScreenProps) {
  const { journeyId = '' } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const list = `/patients${search}`;
  return (
    <div className="stack page">
      <p className="breadcrumb">
        <Link to={list}>← Patients in journeys</Link>
      </p>
      <JourneyDetailPanel
        key={journeyId}
        client={client}
        journeyId={journeyId}
        types={types}
        isOperator={isOperator}
        onClose={() => void navigate(list)}
      />
    </div>
  );
}
