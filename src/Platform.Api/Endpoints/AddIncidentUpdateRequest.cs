namespace Platform.Api.Endpoints;

public sealed record AddIncidentUpdateRequest(string? Status, string? Message, string? ServiceStatus);
