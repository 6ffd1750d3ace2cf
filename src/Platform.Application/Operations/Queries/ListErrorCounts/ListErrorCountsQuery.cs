using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Operations.Queries.ListErrorCounts;

/// <summary>
/// Every error code with its counts over the last 5 minutes, hour and 24 hours across all instances, and the routes
/// that produced it. Counts are per minute, so a window's edge is exact to the minute. For admins.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record ListErrorCountsQuery : IQuery<ErrorCountsDto>;
