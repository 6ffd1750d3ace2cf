using Platform.Infrastructure.Observability;

namespace Platform.Api.Http;

/// <summary>
/// After the response, counts a problem response by its error code, route template and status
/// (<see cref="ErrorCountRecorder"/>). Runs outside the exception handler, so a failure turned into a 500 problem is
/// counted too. The route is the template, or <c>(none)</c> when nothing matched: never the raw path.
/// </summary>
internal sealed class ErrorCountingMiddleware(RequestDelegate next, ErrorCountRecorder recorder)
{
    public const string NoRoute = "(none)";

    public async Task InvokeAsync(HttpContext context)
    {
        // Read before the request runs: the exception handler clears the endpoint when it turns a failure into a problem.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? NoRoute;
        await next(context);
        if (context.Items.TryGetValue(Problems.CodeItem, out var item) && item is string code && context.Response.StatusCode >= 400)
        {
            recorder.Record(code, route.Length <= 300 ? route : route[..300], context.Response.StatusCode);
        }
    }
}
