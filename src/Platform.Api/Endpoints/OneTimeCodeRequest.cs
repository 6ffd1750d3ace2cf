namespace Platform.Api.Endpoints;

public sealed record OneTimeCodeRequest(string? Email);
