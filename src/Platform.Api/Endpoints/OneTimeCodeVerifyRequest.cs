namespace Platform.Api.Endpoints;

public sealed record OneTimeCodeVerifyRequest(string? Email, string? Code, string? DeviceName, bool? UseCookie);
