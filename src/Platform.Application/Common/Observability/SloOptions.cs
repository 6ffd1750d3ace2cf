namespace Platform.Application.Common.Observability;

/// <summary>
/// Section <c>Slo</c>: latency objectives per route (<see cref="Routes"/>), how many recent requests a route's breach
/// ratio covers, and how many recent requests per route the threshold recommendation reads.
/// </summary>
public sealed class SloOptions
{
    public const string SectionName = "Slo";

    public List<SloRouteOptions> Routes { get; set; } = [];

    /// <summary>The breach ratio covers this instance's last this many requests of a route. Default 1000.</summary>
    public int WindowRequests { get; set; } = 1000;

    /// <summary>No alert is logged before a route has this many requests in its window (a few slow first requests are no breach). Default 20.</summary>
    public int MinimumRequests { get; set; } = 20;

    /// <summary>The recommendation reads each route's last this many requests, across instances. Default 1000.</summary>
    public int RecommendSampleSize { get; set; } = 1000;

    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < Routes.Count; i++)
        {
            var route = Routes[i];
            if (string.IsNullOrWhiteSpace(route.Route) || !route.Route.StartsWith('/'))
            {
                yield return $"Slo:Routes:{i}:Route must be a route template such as /api/v1/tickets/{{id:guid}}.";
            }

            if (route.ThresholdMs is <= 0 or > 600_000)
            {
                yield return $"Slo:Routes:{i}:ThresholdMs must be more than 0 and at most 600000.";
            }

            if (route.Target is <= 0 or >= 1)
            {
                yield return $"Slo:Routes:{i}:Target must be a fraction between 0 and 1 (exclusive), such as 0.99.";
            }
        }

        if (Routes.Select(r => r.Route).Distinct(StringComparer.Ordinal).Count() != Routes.Count)
        {
            yield return "Slo:Routes names a route twice.";
        }

        if (WindowRequests is < 10 or > 100_000)
        {
            yield return "Slo:WindowRequests must be 10 to 100000.";
        }

        if (MinimumRequests < 1 || MinimumRequests > WindowRequests)
        {
            yield return "Slo:MinimumRequests must be at least 1 and at most Slo:WindowRequests.";
        }

        if (RecommendSampleSize is < 10 or > 100_000)
        {
            yield return "Slo:RecommendSampleSize must be 10 to 100000.";
        }
    }
}
