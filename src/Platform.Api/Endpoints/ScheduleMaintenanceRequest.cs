namespace Platform.Api.Endpoints;

public sealed record ScheduleMaintenanceRequest(string? Title, string? Description, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, IReadOnlyList<Guid>? AffectedServiceIds);
