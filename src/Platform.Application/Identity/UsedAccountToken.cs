namespace Platform.Application.Identity;

/// <summary>A token that was just used: whose it was, and the address it was mailed to.</summary>
public sealed record UsedAccountToken(Guid UserId, string Email);
