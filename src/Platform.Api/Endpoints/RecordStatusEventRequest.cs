namespace Platform.Api.Endpoints;

public sealed record RecordStatusEventRequest(string? Status, string? Message, DateTimeOffset? OccurredAt);
