namespace Platform.Api.Http;

internal static class NoStoreExtensions
{
    /// <summary>The route's responses carry tokens: they are sent with <c>Cache-Control: no-store</c>.</summary>
    public static TBuilder SendsTokens<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(NoStoreMetadata.Instance);
}
