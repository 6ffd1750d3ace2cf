using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.ListStatusServices;

/// <summary>Every service with its current status, in page order (group, display order, name). Public.</summary>
[AllowAnonymousRequest]
public sealed record ListStatusServicesQuery : IQuery<IReadOnlyList<StatusServiceDto>>;
