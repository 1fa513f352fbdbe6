import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';
import { Resource } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TracesExporter } from '../../config/telemetry-settings';

/**
 * OpenTelemetry traces from the API through the journey's workflow to its activities, carried in
 * Temporal headers by `@temporalio/interceptors-opentelemetry`. One provider per process,
 * registered globally (the interceptors use the global tracer and propagator), installed by the
 * process's main before anything is traced.
 */
export interface Tracing {
  /** Where every finished span goes, the workflow's too (the worker's exporter sink feeds it). */
  spanProcessor: SpanProcessor;
  resource: Resource;
  shutdown(): Promise<void>;
}

export function installTracing(serviceName: string, processor: SpanProcessor): Tracing {
  const resource = new Resource({ 'service.name': serviceName });
  const spanProcessor = withoutUnlistedAttributes(processor);
  const provider = new BasicTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register({ contextManager: new AsyncLocalStorageContextManager() });
  return { spanProcessor, resource, shutdown: () => provider.shutdown() };
}

/** The processor OTEL_TRACES_EXPORTER names; none for `none`. */
export function configuredSpanProcessor(exporter: TracesExporter): SpanProcessor | undefined {
  switch (exporter) {
    case 'none':
      return undefined;
    case 'console':
      return new SimpleSpanProcessor(new ConsoleSpanExporter());
  }
}

/**
 * Span attributes that may leave the process: opaque ids and types. The workflow exporter sink
 * copies the whole workflow info onto workflow spans (search attributes with the patient's
 * pseudonym, the memo): only these are kept, on every span, so no patient data reaches a backend.
 */
const EXPORTED_ATTRIBUTES = new Set([
  'temporalWorkflowId',
  'run_id',
  'temporalActivityId',
  'temporalUpdateId',
  'temporalTerminateReason',
  'workflowType',
  'namespace',
  'taskQueue',
  'attempt',
  'http.method',
  'http.route',
  'http.status_code',
]);

function withoutUnlistedAttributes(inner: SpanProcessor): SpanProcessor {
  return {
    onStart: (span, context) => inner.onStart(span, context),
    onEnd: (span) => {
      const attributes = Object.fromEntries(
        Object.entries(span.attributes).filter(([name]) => EXPORTED_ATTRIBUTES.has(name)),
      );
      // The span's own methods (spanContext) stay reachable through the prototype.
      inner.onEnd(Object.create(span, { attributes: { value: attributes } }) as ReadableSpan);
    },
    forceFlush: () => inner.forceFlush(),
    shutdown: () => inner.shutdown(),
  };
}

/** OpenTelemetry's context across awaits, on Node's AsyncLocalStorage (the SDK's own manager is not installed). */
class AsyncLocalStorageContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();

  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(context, () => fn.apply(thisArg, args));
  }

  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const run = (...args: unknown[]) =>
      this.with(context, () => (target as (...a: unknown[]) => unknown)(...args));
    return run as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.storage.disable();
    return this;
  }
}
