namespace Platform.Api.Endpoints;

public sealed record DisableTotpRequest(string? CurrentPassword, string? Code, string? RecoveryCode);
