using Platform.Application.Common.Errors;
using Platform.Application.Common.Idempotency;

namespace Platform.Api.Http;

/// <summary>
/// HTTP side of idempotency: reads <c>Idempotency-Key</c>, and when the pipeline answered from a stored response,
/// replies 200 (a stored 201 is replayed as 200) with <c>Idempotent-Replayed: true</c>.
/// </summary>
internal static class IdempotencyHttp
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static string? Key(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Headers.TryGetValue(KeyHeader, out var values))
        {
            return null;
        }

        // Two keys on one request are ambiguous; merging them would silently invent a third.
        return values.Count == 1
            ? values.ToString()
            : throw new RequestValidationException("idempotency_key", "Send exactly one Idempotency-Key header.");
    }

    public static bool Replayed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var replayed = context.RequestServices.GetRequiredService<IdempotencyOutcome>().Replayed;
        if (replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        return replayed;
    }

    /// <summary>201 Created with Location for a first run; 200 with the same body for a replay.</summary>
    public static IResult Created<T>(HttpContext context, string location, T value, string? etag = null)
    {
        if (etag is not null)
        {
            ETags.Set(context, etag);
        }

        return Replayed(context) ? TypedResults.Ok(value) : TypedResults.Created(location, value);
    }

    /// <summary>202 Accepted with Location, for a first run and a replay alike (the work it accepted is the same).</summary>
    public static IResult Accepted<T>(HttpContext context, string location, T value)
    {
        Replayed(context);
        return TypedResults.Accepted(location, value);
    }

    public static IResult Ok<T>(HttpContext context, T value, string? etag = null)
    {
        if (etag is not null)
        {
            ETags.Set(context, etag);
        }

        Replayed(context);
        return TypedResults.Ok(value);
    }
}
