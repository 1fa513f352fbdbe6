/** The journey-definitions slice of the Carepath API, as the definitions screens read and write it. */
import type { components } from '../generated/openapi';

type Schemas = components['schemas'];

export type DefinitionSummary = Schemas['JourneyDefinitionView'];
export type DefinitionVersionSummary = Schemas['DefinitionVersionSummaryView'];
export type DefinitionDiff = Schemas['DefinitionDiffView'];
export type ItemChanges = Schemas['ItemChangesView'];
