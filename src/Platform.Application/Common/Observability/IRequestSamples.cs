namespace Platform.Application.Common.Observability;

/// <summary>The request durations every instance recorded (<c>request_samples</c>).</summary>
public interface IRequestSamples
{
    /// <summary>Each route's 90th percentile over its newest <paramref name="sampleSize"/> requests, across instances.</summary>
    Task<IReadOnlyList<RouteLatency>> P90Async(int sampleSize, CancellationToken cancellationToken);
}
