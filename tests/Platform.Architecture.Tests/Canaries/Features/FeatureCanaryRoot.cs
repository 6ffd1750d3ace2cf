namespace Platform.Architecture.Tests.Canaries.Features;

/// <summary>
/// Rule 5 canaries live below this namespace, which plays the part of <c>Platform.Application</c>: features
/// <c>Tickets</c> and <c>Identity</c>, and the shared <c>Common</c>.
/// </summary>
internal static class FeatureCanaryRoot
{
    public const string Namespace = "Platform.Architecture.Tests.Canaries.Features";
}
