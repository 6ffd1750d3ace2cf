using Serilog;
using Serilog.Formatting.Json;

namespace Platform.Api.Observability;

/// <summary>JSON lines on stdout through Serilog as an ILoggerProvider (Serilog.AspNetCore does not restore here).</summary>
internal static class Logging
{
    public static void Configure(WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("service", "platform-api")
            .WriteTo.Console(new JsonFormatter(renderMessage: true))
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        Telemetry.AddLogExport(builder.Logging, builder.Configuration);
    }
}
