using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Api.Http;
using Platform.Application.Common.Security;
using Serilog;
using Serilog.Settings.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Platform.Api.Observability;

/// <summary>
/// Serilog through Serilog.AspNetCore (adr/0021): compact JSON (CLEF) on stdout, Seq when <c>Seq:ServerUrl</c> is set,
/// and one request line per request written by <c>UseSerilogRequestLogging</c>. Console output is written by a
/// background writer (Serilog.Sinks.Async), not on the request thread.
/// </summary>
internal static class Logging
{
    /// <summary>Events that may wait for the stdout writer before requests start waiting for it.</summary>
    public const int AsyncLogBufferSize = 10_000;

    public const string RequestTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms";

    public static void Configure(WebApplicationBuilder builder)
    {
        // Serilog is the only logging pipeline; the OTLP provider (when exporting) is fed from it (writeToProviders).
        builder.Logging.ClearProviders();

        // The logger is built per host and the static Log.Logger is left alone, so test hosts never share one.
        builder.Services.AddSerilog(
            (services, logger) => Build(logger, builder.Configuration),
            preserveStaticLogger: true,
            writeToProviders: true);
        CachingLoggerFactory.Decorate(builder.Services);
    }

    /// <summary>Writes exactly one line per request, with the route template, the ids, the user and the problem code.</summary>
    public static IApplicationBuilder UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = RequestTemplate;
            options.EnrichDiagnosticContext = Enrich;
            options.GetLevel = LevelOf;
        });

    /// <summary>
    /// Error for a server failure; a 503 for an unreachable database is an outage the exception handler has already
    /// reported in one Warning, so its request line stays at Information (one warning per request, not two).
    /// </summary>
    private static LogEventLevel LevelOf(HttpContext context, double elapsed, Exception? exception) =>
        exception is not null || (context.Response.StatusCode >= 500 && !Equals(context.Items[Problems.CodeItem], ProblemCodes.DependencyUnavailable))
            ? LogEventLevel.Error
            : LogEventLevel.Information;

    private static readonly ConfigurationReaderOptions ConfigurationAssemblies = new(
        typeof(LoggerConfiguration).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(LoggerConfigurationAsyncExtensions).Assembly,
        typeof(SeqLoggerConfigurationExtensions).Assembly);

    private static void Build(LoggerConfiguration logger, IConfiguration configuration)
    {
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            // Only the sinks this service ships are looked up for a Serilog:WriteTo entry: without a list the reader
            // scans every assembly of the application for Serilog extensions, loading the ones it never uses.
            .ReadFrom.Configuration(configuration, ConfigurationAssemblies)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("service", "platform-api")
            // Off the request thread: a request hands its event to a bounded queue and one background writer formats
            // it and writes stdout. A full queue makes the request wait instead of dropping the line.
            .WriteTo.Async(a => a.Console(new RenderedCompactJsonFormatter()), bufferSize: AsyncLogBufferSize, blockWhenFull: true);

        var seq = configuration.GetSection("Seq");
        var serverUrl = seq["ServerUrl"];
        if (!string.IsNullOrWhiteSpace(serverUrl))
        {
            logger.WriteTo.Seq(
                serverUrl,
                apiKey: string.IsNullOrWhiteSpace(seq["ApiKey"]) ? null : seq["ApiKey"],
                period: seq.GetValue<TimeSpan?>("Period"));
        }
    }

    private static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
        diagnostics.Set("request_id", context.TraceIdentifier);
        if (System.Diagnostics.Activity.Current is { } activity)
        {
            diagnostics.Set("trace_id", activity.TraceId.ToHexString());
            diagnostics.Set("span_id", activity.SpanId.ToHexString());
        }

        // The exception handler clears the endpoint before it writes the problem; its feature keeps the original.
        var matched = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (matched is RouteEndpoint endpoint)
        {
            diagnostics.Set("route", endpoint.RoutePattern.RawText);
        }

        if (context.User.FindFirstValue(PlatformClaims.Subject) is { } userId)
        {
            diagnostics.Set("user_id", userId);
        }

        if (context.Items.TryGetValue(Problems.CodeItem, out var code) && code is string problemCode)
        {
            diagnostics.Set("code", problemCode);
        }
    }
}
