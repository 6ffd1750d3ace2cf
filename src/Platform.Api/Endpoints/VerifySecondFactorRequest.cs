namespace Platform.Api.Endpoints;

public sealed record VerifySecondFactorRequest(string? MfaToken, string? Code, string? RecoveryCode, bool? UseCookie);
