namespace Platform.Application.Identity.Commands.RefreshToken;

/// <summary>Either new tokens, or the error to answer with after the breach was recorded.</summary>
public sealed record RefreshOutcome(TokenDto? Tokens, Common.Errors.AppException? Failure);
