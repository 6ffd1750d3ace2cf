namespace Platform.Api.Endpoints;

public sealed record TokenRequest(string? Email, string? Password, string? DeviceName, bool? UseCookie);
