namespace Platform.Application.Identity;

/// <summary>How many authenticator secrets were sealed again under the current key.</summary>
public sealed record MfaResealDto(int ResealedSecrets);
