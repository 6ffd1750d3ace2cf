namespace Platform.Application.Identity;

/// <summary>The one answer to a code request, whether or not the account exists.</summary>
public sealed record OneTimeCodeAcceptedDto(string Status, string Detail)
{
    public static OneTimeCodeAcceptedDto Instance { get; } = new(
        "accepted",
        "If an account uses this address, a sign-in code is on its way. It works once, for 10 minutes; a new request replaces it.");
}
