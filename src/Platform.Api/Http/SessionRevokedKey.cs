namespace Platform.Api.Http;

/// <summary>The request item that tells the challenge an access token was refused because its session was revoked.</summary>
internal static class SessionRevokedKey
{
    public const string Value = "platform.session_revoked";
}
