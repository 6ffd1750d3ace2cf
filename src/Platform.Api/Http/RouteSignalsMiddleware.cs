using System.Diagnostics;
using Platform.Infrastructure.Observability;

namespace Platform.Api.Http;

/// <summary>
/// After the response, records what operators watch per route template: a problem response by its error code and
/// status (<see cref="ErrorCountRecorder"/>), and the duration of every <c>/api</c> and <c>/status</c> request
/// (<see cref="RequestLatencyRecorder"/>: SLO breach ratios and the threshold recommendation). Runs outside the
/// exception handler, so a failure turned into a 500 problem is counted too. The route is the template, or
/// <c>(none)</c> when nothing matched: never the raw path.
/// </summary>
internal sealed class RouteSignalsMiddleware(RequestDelegate next, ErrorCountRecorder errors, RequestLatencyRecorder latencies)
{
    public const string NoRoute = "(none)";

    public async Task InvokeAsync(HttpContext context)
    {
        // Read before the request runs: the exception handler clears the endpoint when it turns a failure into a problem.
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var route = template is null ? NoRoute : template.Length <= 300 ? template : template[..300];
        var started = Stopwatch.GetTimestamp();
        await next(context);
        if (template is not null && (route.StartsWith("/api", StringComparison.Ordinal) || route.StartsWith("/status", StringComparison.Ordinal)))
        {
            latencies.Record(route, Stopwatch.GetElapsedTime(started));
        }

        if (context.Items.TryGetValue(Problems.CodeItem, out var item) && item is string code && context.Response.StatusCode >= 400)
        {
            errors.Record(code, route, context.Response.StatusCode);
        }
    }
}
