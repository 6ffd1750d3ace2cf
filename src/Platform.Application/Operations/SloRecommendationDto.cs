namespace Platform.Application.Operations;

/// <summary>
/// A route's recommended latency threshold: its p90 over the last <see cref="Samples"/> requests plus 20%, beside the
/// threshold configured now (null when the route has no objective).
/// </summary>
public sealed record SloRecommendationDto(string Route, int Samples, double P90Ms, double RecommendedThresholdMs, double? ConfiguredThresholdMs);
