namespace Platform.Application.Common.Observability;

/// <summary>A route's recent requests across instances: how many were read, and their 90th percentile duration.</summary>
public sealed record RouteLatency(string Route, int Samples, double P90Ms);
