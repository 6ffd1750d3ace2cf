namespace Platform.Api.Endpoints;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);
