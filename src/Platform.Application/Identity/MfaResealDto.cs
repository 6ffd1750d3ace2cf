namespace Platform.Application.Identity;

/// <summary>
/// How many authenticator secrets were sealed again under the current key, and how many no configured key opens
/// (their users cannot sign in until the key is back or an admin resets them).
/// </summary>
public sealed record MfaResealDto(int ResealedSecrets, int UnreadableSecrets);
