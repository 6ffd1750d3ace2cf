using Platform.Domain.Common;

namespace Platform.Domain.Webhooks;

/// <summary>
/// The shape of an endpoint URL: absolute <c>http</c> or <c>https</c> (only <c>https</c> where the environment
/// requires it), with a host, at most <see cref="WebhookRules.UrlMaxLength"/> characters, no user name or password
/// (they would be sent to the receiver and shown in every listing) and no fragment (never sent). Whether the host may
/// be called at all is a separate question, answered by <see cref="WebhookAddressRules"/> when it is registered and
/// again when a connection is made.
/// </summary>
public static class WebhookUrlRules
{
    public static Uri Check(string url, bool requireHttps)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length is 0 or > WebhookRules.UrlMaxLength || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw Invalid($"The url must be 1 to {WebhookRules.UrlMaxLength} characters without spaces.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid("The url must be an absolute http:// or https:// URL.");
        }

        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw Invalid("The url must be https:// here.");
        }

        if (uri.Host.Length == 0)
        {
            throw Invalid("The url must name a host.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw Invalid("The url must not hold a user name or password; the signature authenticates each message.");
        }

        if (uri.Fragment.Length > 0)
        {
            throw Invalid("The url must not have a fragment (#...): it is never sent.");
        }

        return uri;
    }

    public static bool IsValid(string? url, bool requireHttps)
    {
        if (url is null)
        {
            return false;
        }

        try
        {
            Check(url, requireHttps);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private static DomainException Invalid(string message) => new(WebhookErrorCodes.InvalidUrl, message, DomainErrorKind.Invalid, "url");
}
