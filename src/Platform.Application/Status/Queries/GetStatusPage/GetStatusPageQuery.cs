using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetStatusPage;

/// <summary>
/// The public status snapshot: overall status, services with 90 days of uptime, unresolved and recent incidents,
/// upcoming and running maintenance. Served from <see cref="StatusPageCache"/>; rebuilt after a change or when
/// older than the page's max age. Public.
/// </summary>
[AllowAnonymousRequest]
public sealed record GetStatusPageQuery : IQuery<StatusPageSnapshot>;
