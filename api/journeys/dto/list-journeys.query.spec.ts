import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { apiValidationPipe } from '../../requests/validation-pipe';
import { ListJourneysQuery } from './list-journeys.query';

const asQuery: ArgumentMetadata = { type: 'query', metatype: ListJourneysQuery };

/** What the API makes of a query string: every value arrives as text. */
async function parse(query: Record<string, string>): Promise<ListJourneysQuery> {
  return (await apiValidationPipe().transform(query, asQuery)) as ListJourneysQuery;
}

async function refusal(query: Record<string, string>): Promise<unknown> {
  const error: unknown = await parse(query).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BadRequestException);
  return (error as BadRequestException).getResponse();
}

describe(ListJourneysQuery.name, () => {
  it('reads overdue=false as false, not as a truthy string, and the page size as a number', async () => {
    expect(await parse({ overdue: 'false', pageSize: '20' })).toMatchObject({ overdue: false, pageSize: 20 });
    expect(await parse({ overdue: 'true' })).toMatchObject({ overdue: true });
  });

  it('refuses a filter it cannot read, naming the field', async () => {
    expect(await refusal({ overdue: 'yes' })).toEqual({
      message: 'The request is invalid.',
      errors: [{ field: 'overdue', message: 'overdue must be true or false' }],
    });
    expect(await refusal({ status: 'archived' })).toMatchObject({ errors: [{ field: 'status' }] });
    expect(await refusal({ pageSize: '201' })).toMatchObject({ errors: [{ field: 'pageSize' }] });
    expect(await refusal({ pageToken: 'not a token!' })).toMatchObject({ errors: [{ field: 'pageToken' }] });
  });

  it('refuses a parameter it does not know rather than ignoring it', async () => {
    expect(await refusal({ patient: 'pat-1001' })).toMatchObject({ errors: [{ field: 'patient' }] });
  });
});
