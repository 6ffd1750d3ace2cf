namespace Platform.Api.Http;

internal static class OpenApiMetadata
{
    /// <summary>Documents the RFC 9457 problem responses a route can give (every route can also give 500 and 503).</summary>
    public static RouteHandlerBuilder ApiProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses.Append(StatusCodes.Status500InternalServerError).Append(StatusCodes.Status503ServiceUnavailable))
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
