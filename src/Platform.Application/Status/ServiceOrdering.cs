using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>The order services are shown in: by group (ungrouped first), display order, then name.</summary>
internal static class ServiceOrdering
{
    public static IEnumerable<Domain.Status.MonitoredService> InPageOrder(this IEnumerable<Domain.Status.MonitoredService> services) =>
        services.OrderBy(s => s.Group is not null).ThenBy(s => s.Group, StringComparer.Ordinal).ThenBy(s => s.DisplayOrder).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id);
}
