using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.Application.Common.Behaviours;

namespace Platform.Api.Observability;

/// <summary>
/// Traces, metrics and logs over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (that is how logs reach Seq),
/// built with the core SDK because OpenTelemetry.Extensions.Hosting does not restore here (adr/0006). An always-on
/// activity listener gives every request a W3C trace id for <c>X-Trace-Id</c> even when nothing is exported.
/// </summary>
internal sealed class Telemetry : IDisposable
{
    public static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql", "Quartz"];
    public static readonly string[] Meters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "Npgsql", ApplicationMetrics.MeterName];

    private readonly ActivityListener traceIds;
    private readonly TracerProvider? tracerProvider;
    private readonly MeterProvider? meterProvider;

    public Telemetry(IConfiguration configuration)
    {
        traceIds = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
        };
        ActivitySource.AddActivityListener(traceIds);

        if (!IsExportEnabled(configuration))
        {
            return;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(configuration["OTEL_SERVICE_NAME"] ?? "platform-api");
        tracerProvider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ActivitySources)
            .AddOtlpExporter()
            .Build();
        meterProvider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter()
            .Build();
    }

    public static bool IsExportEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static void AddLogExport(ILoggingBuilder logging, IConfiguration configuration)
    {
        if (IsExportEnabled(configuration))
        {
            logging.AddOpenTelemetry(o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
                o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(configuration["OTEL_SERVICE_NAME"] ?? "platform-api"));
                o.AddOtlpExporter();
            });
        }
    }

    public void Dispose()
    {
        tracerProvider?.Dispose();
        meterProvider?.Dispose();
        traceIds.Dispose();
    }
}
