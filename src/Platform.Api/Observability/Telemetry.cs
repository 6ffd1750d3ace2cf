using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.Application.Common.Behaviours;

namespace Platform.Api.Observability;

/// <summary>
/// OpenTelemetry through its hosting package: traces, metrics and (when exporting) logs. Traces, metrics and logs go
/// over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; metrics are always served on <c>/metrics</c>.
/// Without export the sampler records nothing, but every request still gets a W3C trace id for <c>X-Trace-Id</c>.
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static readonly string[] ActivitySources = ["Quartz"];

    /// <summary>Meters listened to besides those the instrumentation packages add (ASP.NET Core, HttpClient, runtime, Npgsql).</summary>
    public static readonly string[] Meters = ["Microsoft.AspNetCore.Server.Kestrel", ApplicationMetrics.MeterName];

    /// <summary>Buckets for the application's second-valued histograms: 5 ms to 10 s, as before.</summary>
    public static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>HTTP server series keep route, method and status only, to bound cardinality.</summary>
    private static readonly string[] HttpServerTags = ["http.route", "http.request.method", "http.response.status_code"];

    public static bool IsExportEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static void AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var export = IsExportEnabled(configuration);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "platform-api"));

        otel.WithTracing(tracing =>
        {
            tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql().AddSource(ActivitySources);
            if (export)
            {
                tracing.AddOtlpExporter();
            }
            else
            {
                // Dropped activities are still created for propagation, so X-Trace-Id and trace_id always exist.
                tracing.SetSampler(new AlwaysOffSampler());
            }
        });

        otel.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation()
                .AddMeter(Meters)
                .AddView("http.server.request.duration", new MetricStreamConfiguration { TagKeys = HttpServerTags })
                .AddView(instrument => instrument.Meter.Name == ApplicationMetrics.MeterName && instrument.Unit == "s" && instrument is Histogram<double>
                    ? new ExplicitBucketHistogramConfiguration { Boundaries = SecondsBuckets }
                    : null)
                .AddView(instrument => PrometheusSafeName(instrument) is { } name ? new MetricStreamConfiguration { Name = name } : null);
            // No response cache (a scrape always shows what was recorded before it), and no otel_scope_* labels, so
            // series keep their names and labels.
            metrics.AddPrometheusExporter(o =>
            {
                o.ScrapeResponseCacheDurationMilliseconds = 0;
                o.ScopeInfoEnabled = false;
            });
            if (export)
            {
                metrics.AddOtlpExporter();
            }
        });

        if (export)
        {
            otel.WithLogging(logging => logging.AddOtlpExporter(), options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });
        }
    }

    /// <summary>
    /// A new name for a gauge or up-down counter whose name ends in <c>.count</c>, which Prometheus reserves for
    /// histograms and summaries (<c>promtool check metrics</c> refuses <c>dotnet_timer_count</c> as a gauge); null to keep it.
    /// </summary>
    public static string? PrometheusSafeName(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var monotonic = instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal)
            || instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal)
            || instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal);
        if (monotonic || !instrument.Name.EndsWith(".count", StringComparison.Ordinal))
        {
            return null;
        }

        return instrument.Name switch
        {
            "db.client.connection.count" => "db.client.connections",
            "dotnet.assembly.count" => "dotnet.assemblies",
            "dotnet.process.cpu.count" => "dotnet.process.cpus",
            "dotnet.timer.count" => "dotnet.timers",
            "dotnet.thread_pool.thread.count" => "dotnet.thread_pool.threads",
            _ => instrument.Name[..^".count".Length] + ".current",
        };
    }

    /// <summary>Serves <c>/metrics</c> (Prometheus text 0.0.4, or OpenMetrics when the scraper asks) from the exporter.</summary>
    public static void MapMetricsEndpoint(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().ExcludeFromDescription().WithMetadata(OperatorEndpointMetadata.Instance);
}
