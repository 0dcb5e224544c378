import fastifySwagger from '@fastify/swagger';
import Fastify, { type RouteOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';

/** A route as the app added it: what the OpenAPI document describes. */
export type RecordedRoute = Pick<RouteOptions, 'method' | 'url' | 'schema' | 'config'>;

/**
 * Describes the app's routes with @fastify/swagger: they are added again, with the same schemas, to a scratch
 * Fastify instance that never listens. HEAD routes were recorded too, so the scratch instance adds none of its own.
 */
export async function describeRoutes(
  routes: readonly RecordedRoute[],
  info: { title: string; version: string; description: string },
): Promise<unknown> {
  const scratch = Fastify({ exposeHeadRoutes: false });
  scratch.setValidatorCompiler(validatorCompiler);
  scratch.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await scratch.register(fastifySwagger, { openapi: { info }, transform: jsonSchemaTransform });
  for (const route of routes) scratch.route({ ...route, handler: async () => null });
  await scratch.ready();
  try {
    return scratch.swagger();
  } finally {
    await scratch.close();
  }
}
