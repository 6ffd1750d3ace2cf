namespace Platform.Domain.Identity;

/// <summary>What <see cref="User.VerifyEmail"/> changed: the address became verified, and the account became an admin.</summary>
public readonly record struct EmailVerification(bool Verified, bool MadeAdmin);
