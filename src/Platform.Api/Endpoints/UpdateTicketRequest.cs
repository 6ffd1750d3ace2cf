using Platform.Application.Common.Messaging;

namespace Platform.Api.Endpoints;

/// <summary>Merge-patch body: absent properties are left alone, <c>"assignee_id": null</c> unassigns.</summary>
public sealed record UpdateTicketRequest(
    Optional<string?> Subject,
    Optional<string?> Body,
    Optional<string?> Priority,
    Optional<string?> Status,
    Optional<Guid?> AssigneeId);
