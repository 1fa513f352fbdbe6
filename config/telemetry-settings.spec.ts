import { loadTelemetrySettings } from './telemetry-settings';

describe(loadTelemetrySettings.name, () => {
  test('by default: no metrics token, no worker metrics listener, no traces', () => {
    expect(loadTelemetrySettings({}, false)).toEqual({
      metricsToken: undefined,
      workerMetrics: undefined,
      tracesExporter: 'none',
    });
  });

  test("the worker's listener is on loopback in development, its SDK exporter beside it unless set", () => {
    expect(loadTelemetrySettings({ WORKER_METRICS_PORT: '9464' }, false).workerMetrics).toEqual({
      host: '127.0.0.1',
      port: 9464,
      sdkPort: 9465,
    });
    expect(
      loadTelemetrySettings({ WORKER_METRICS_PORT: '9464', WORKER_SDK_METRICS_PORT: '9470' }, false)
        .workerMetrics?.sdkPort,
    ).toBe(9470);
  });

  test('production serves worker metrics only with a long metrics token, on every interface', () => {
    expect(() => loadTelemetrySettings({ WORKER_METRICS_PORT: '9464' }, true)).toThrow(
      /WORKER_METRICS_PORT in production needs METRICS_TOKEN/,
    );
    expect(() => loadTelemetrySettings({ METRICS_TOKEN: 'short' }, true)).toThrow(
      /METRICS_TOKEN must be at least 32 characters/,
    );
    const settings = loadTelemetrySettings(
      { WORKER_METRICS_PORT: '9464', METRICS_TOKEN: 'm'.repeat(32) },
      true,
    );
    expect(settings.workerMetrics?.host).toBe('0.0.0.0');
    expect(settings.metricsToken).toBe('m'.repeat(32));
  });

  test('traces go to the console when asked; OTLP is refused with the reason, not ignored', () => {
    expect(loadTelemetrySettings({ OTEL_TRACES_EXPORTER: 'console' }, false).tracesExporter).toBe('console');
    expect(() => loadTelemetrySettings({ OTEL_TRACES_EXPORTER: 'otlp' }, false)).toThrow(
      /otlp is not available yet/,
    );
    expect(() => loadTelemetrySettings({ OTEL_TRACES_EXPORTER: 'jaeger' }, false)).toThrow(
      /OTEL_TRACES_EXPORTER: must be none or console/,
    );
  });

  test('empty values are unset, as compose passes them', () => {
    expect(
      loadTelemetrySettings({ METRICS_TOKEN: '', WORKER_METRICS_PORT: '', OTEL_TRACES_EXPORTER: '' }, true),
    ).toEqual({ metricsToken: undefined, workerMetrics: undefined, tracesExporter: 'none' });
  });
});
