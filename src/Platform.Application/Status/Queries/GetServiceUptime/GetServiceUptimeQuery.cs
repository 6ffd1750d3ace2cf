using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetServiceUptime;

/// <summary>A service's daily uptime for the last <paramref name="Days"/> UTC days (today included), oldest first. Public.</summary>
[AllowAnonymousRequest]
public sealed record GetServiceUptimeQuery(string Slug, int Days = 90) : IQuery<ServiceUptimeDto>;
