import type { OpenAPIObject } from '@nestjs/swagger';

/*
 * OpenAPI links: what a client (and the fuzz drill's stateful phase) can do next with what an
 * answer returned. A started journey's id opens its page, its events, controls and messages.
 */

interface LinkSource {
  path: string;
  method: 'get' | 'post' | 'put' | 'delete';
  statuses: string[];
  /** Where in the answer the id sits, as an OpenAPI runtime expression. */
  id: string;
  targets: Array<{
    name: string;
    path: string;
    method: 'get' | 'post' | 'put' | 'delete';
    parameter: string;
  }>;
}

const JOURNEY_TARGETS: LinkSource['targets'] = [
  { name: 'ReadJourney', path: '/api/journeys/{id}', method: 'get', parameter: 'id' },
  { name: 'SendEvent', path: '/api/journeys/{id}/events', method: 'post', parameter: 'id' },
  { name: 'Pause', path: '/api/journeys/{id}/pause', method: 'post', parameter: 'id' },
  { name: 'Resume', path: '/api/journeys/{id}/resume', method: 'post', parameter: 'id' },
  { name: 'Cancel', path: '/api/journeys/{id}/cancel', method: 'post', parameter: 'id' },
  { name: 'ReadMessages', path: '/api/journeys/{id}/messages', method: 'get', parameter: 'id' },
];

const SOURCES: LinkSource[] = [
  {
    path: '/api/journeys',
    method: 'post',
    statuses: ['200', '201'],
    id: '$response.body#/id',
    targets: JOURNEY_TARGETS,
  },
  {
    path: '/api/staff-tasks/{id}/claim',
    method: 'post',
    statuses: ['200'],
    id: '$response.body#/id',
    targets: [
      { name: 'CompleteTask', path: '/api/staff-tasks/{id}/complete', method: 'post', parameter: 'id' },
    ],
  },
];

/** Adds the links to the document's responses, naming targets by their operation ids. */
export function documentLinks(document: OpenAPIObject): void {
  for (const source of SOURCES) {
    const operation = document.paths[source.path]?.[source.method];
    if (!operation) continue;
    for (const status of source.statuses) {
      const response = operation.responses?.[status] as { links?: Record<string, unknown> } | undefined;
      if (!response) continue;
      for (const target of source.targets) {
        const operationId = document.paths[target.path]?.[target.method]?.operationId;
        if (!operationId) continue;
        response.links = {
          ...response.links,
          [target.name]: { operationId, parameters: { [target.parameter]: source.id } },
        };
      }
    }
  }
}
