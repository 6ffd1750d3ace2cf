namespace Platform.Application.Identity;

/// <summary>The one answer to a request for an account mail (verification, password reset), whether or not the account exists.</summary>
public sealed record AccountMailAcceptedDto(string Status, string Detail)
{
    public static AccountMailAcceptedDto Verification { get; } = new(
        "accepted",
        "If an account with an unconfirmed address uses this address, a confirmation mail is on its way. A new request replaces the earlier link.");

    public static AccountMailAcceptedDto PasswordReset { get; } = new(
        "accepted",
        "If an account uses this address, a password-reset mail is on its way. Its link works once, for a limited time; a new request replaces it.");

    public static AccountMailAcceptedDto EmailChange { get; } = new(
        "accepted",
        "A confirmation mail is on its way to the new address. The account moves to it when the link in that mail is used; until then nothing changes.");
}
