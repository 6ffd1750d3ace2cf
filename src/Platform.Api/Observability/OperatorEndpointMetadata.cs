namespace Platform.Api.Observability;

/// <summary>Marks an endpoint that only loopback, <c>Observability:MetricsAllowedNetworks</c> or the metrics token may read.</summary>
internal sealed class OperatorEndpointMetadata
{
    public static OperatorEndpointMetadata Instance { get; } = new();
}
