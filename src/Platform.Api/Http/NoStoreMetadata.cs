namespace Platform.Api.Http;

/// <summary>
/// Marks a route whose responses carry tokens: every response of it, success or problem, is sent with
/// <c>Cache-Control: no-store</c> and <c>Pragma: no-cache</c> (RFC 6749 §5.1), so no browser or proxy keeps a token
/// on disk. Added by <see cref="NoStoreExtensions.SendsTokens{TBuilder}"/>; <see cref="SecurityHeadersMiddleware"/>
/// writes the headers.
/// </summary>
internal sealed class NoStoreMetadata
{
    public static NoStoreMetadata Instance { get; } = new();
}
