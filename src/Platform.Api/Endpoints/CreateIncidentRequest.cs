namespace Platform.Api.Endpoints;

public sealed record CreateIncidentRequest(string? Title, string? Status, string? Impact, IReadOnlyList<Guid>? AffectedServiceIds, string? Message, string? ServiceStatus);
