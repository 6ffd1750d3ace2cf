namespace Platform.Application.Common.Security;

/// <summary>
/// The claim names in Platform's access tokens, as issued and as read back: the JWT registered names where one
/// exists, and short names for the rest. Inbound claim mapping is off, so these are the names on the principal.
/// </summary>
public static class PlatformClaims
{
    /// <summary>The user's id.</summary>
    public const string Subject = "sub";

    /// <summary>The device session the token belongs to (revocation is checked against it).</summary>
    public const string Session = "sid";

    /// <summary>One claim per role.</summary>
    public const string Role = "role";

    /// <summary>The user's display name.</summary>
    public const string Name = "name";

    /// <summary>The token's own id.</summary>
    public const string TokenId = "jti";
}
