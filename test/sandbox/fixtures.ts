import assert from 'node:assert/strict';
import { APIErrorCode, APIResponseError, isFullDatabase, type Client, type CreatePageParameters } from '@notionhq/client';

/** A database with one property of each common type, plus computed ones, and a target for relations. */
export async function createKitchenSink(
  client: Client,
  parentPageId: string,
): Promise<{ databaseId: string; dataSourceId: string; targetDataSourceId: string }> {
  const target = await client.databases.create({
    parent: { type: 'page_id', page_id: parentPageId },
    title: [{ text: { content: 'Objectives' } }],
    initial_data_source: { properties: { Name: { title: {} } } },
  });
  assertFull(target);
  const targetDataSourceId = target.data_sources[0].id;
  const db = await client.databases.create({
    parent: { type: 'page_id', page_id: parentPageId },
    title: [{ text: { content: 'Key results' } }],
    initial_data_source: {
      properties: {
        Name: { title: {} },
        Notes: { rich_text: {} },
        Progress: { number: { format: 'percent' } },
        Tier: {
          select: {
            options: [
              { name: 'T1', color: 'red' },
              { name: 'T2', color: 'blue' },
            ],
          },
        },
        Tags: { multi_select: { options: [{ name: 'support' }, { name: 'quality' }] } },
        Status: { status: {} },
        Due: { date: {} },
        Done: { checkbox: {} },
        Owner: { people: {} },
        Link: { url: {} },
        Email: { email: {} },
        Phone: { phone_number: {} },
        Objective: { relation: { data_source_id: targetDataSourceId, type: 'single_property', single_property: {} } },
        Score: { formula: { expression: 'prop("Progress") * 100' } },
        Key: { unique_id: { prefix: 'KR' } },
        Created: { created_time: {} },
        Edited: { last_edited_time: {} },
      },
    },
  });
  assertFull(db);
  return { databaseId: db.id, dataSourceId: db.data_sources[0].id, targetDataSourceId };
}

function assertFull(db: Awaited<ReturnType<Client['databases']['create']>>): asserts db is Extract<typeof db, { data_sources: unknown }> {
  if (!isFullDatabase(db)) throw new Error('expected a full database response');
}

/** A title value in request form. */
export function title(text: string): CreatePageParameters['properties'] {
  return { Name: { title: [{ text: { content: text } }] } };
}

/** For `assert.rejects`: a Notion `validation_error` whose message is (or matches) `message`. */
export function isValidation(message: string | RegExp) {
  return (e: unknown) => {
    assert.ok(APIResponseError.isAPIResponseError(e), `expected an API error, got ${String(e)}`);
    assert.equal(e.code, APIErrorCode.ValidationError);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  };
}
