namespace Platform.Architecture.Tests.Canaries.Requests;

/// <summary>
/// Rule 6 canaries live below this namespace, which plays the part of <c>Platform.Application</c>: feature
/// <c>Things</c>, with well-shaped requests and requests that each break one part of the rule.
/// </summary>
internal static class RequestCanaryRoot
{
    public const string Namespace = "Platform.Architecture.Tests.Canaries.Requests";
}
