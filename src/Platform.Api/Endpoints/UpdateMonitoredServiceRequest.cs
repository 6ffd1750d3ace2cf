using Platform.Application.Common.Messaging;

namespace Platform.Api.Endpoints;

public sealed record UpdateMonitoredServiceRequest(
    Optional<string?> Slug,
    Optional<string?> Name,
    Optional<string?> Description,
    Optional<string?> Group,
    Optional<int?> DisplayOrder);
