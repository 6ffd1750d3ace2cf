namespace Platform.Api.Endpoints;

public sealed record ConfirmTotpRequest(string? Code, string? MfaToken, string? CurrentPassword);
