using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>A service with its current status (its latest event's, operational when it has none). Mapped in <see cref="StatusMapping"/>.</summary>
public sealed record MonitoredServiceDto(
    Guid Id,
    string Slug,
    string Name,
    string Description,
    string? Group,
    int DisplayOrder,
    ServiceStatus Status,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IHasId;
