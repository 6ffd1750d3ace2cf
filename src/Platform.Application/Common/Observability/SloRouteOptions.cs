namespace Platform.Application.Common.Observability;

/// <summary>One route's objective: <see cref="Target"/> of its requests take at most <see cref="ThresholdMs"/>.</summary>
public sealed class SloRouteOptions
{
    /// <summary>The route template, as in <c>http_route</c>: <c>/api/v1/tickets/{id:guid}</c>.</summary>
    public string Route { get; set; } = string.Empty;

    public double ThresholdMs { get; set; }

    /// <summary>The share of requests that must be within the threshold, such as 0.99.</summary>
    public double Target { get; set; } = 0.99;
}
