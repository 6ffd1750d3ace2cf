namespace Platform.Application.Identity;

/// <summary>The recovery codes of a confirmed authenticator: shown this once, stored only hashed. Each works once.</summary>
public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);
