namespace Platform.Application.Identity;

/// <summary>What a mailed account token proves. One live token per account and purpose.</summary>
public enum AccountTokenPurpose
{
    /// <summary>The account's own address (mailed at registration and on request).</summary>
    EmailVerification,

    /// <summary>A new address the owner asked to move to; the change happens when the token is used.</summary>
    EmailChange,

    /// <summary>Lets the holder set a new password without the old one.</summary>
    PasswordReset,
}
