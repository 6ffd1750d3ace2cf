using System.Security.Cryptography;
using System.Text;
using Platform.Application.Common.Messaging;
using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

/// <summary>Builds the JSON documents of the public status API from one snapshot.</summary>
internal static class StatusDocuments
{
    public static StatusSummaryResponse V1(StatusPageSnapshot snapshot) => new(
        snapshot.Overall,
        [.. snapshot.Services.Select(s => new MonitoredServiceSummary(
            s.Service.Id, s.Service.Slug, s.Service.Name, s.Service.Group, s.Service.Status, s.Service.StatusChangedAt ?? s.Service.CreatedAt))],
        snapshot.ActiveIncidents,
        snapshot.Maintenances);

    public static StatuspageStatusDocument Status(StatusPageSnapshot snapshot, StatusPageOptions options, string url) =>
        new(Page(snapshot, options, url), Indicator(snapshot.Overall));

    public static StatuspageSummaryDocument Summary(StatusPageSnapshot snapshot, StatusPageOptions options, string url)
    {
        var components = Components(snapshot, options.PageId);
        var byId = components.ToDictionary(c => c.Id);
        return new StatuspageSummaryDocument(
            Page(snapshot, options, url),
            components,
            [.. snapshot.ActiveIncidents.Select(i => Incident(i, options.PageId, url, byId))],
            [.. snapshot.Maintenances.Select(m => Maintenance(m, options.PageId, url, byId))],
            Indicator(snapshot.Overall));
    }

    private static StatuspagePage Page(StatusPageSnapshot snapshot, StatusPageOptions options, string url) =>
        new(options.PageId, options.Name, url, "Etc/UTC", snapshot.UpdatedAt);

    private static StatuspageStatus Indicator(OverallStatus overall) => new(WireNames.Of(overall.Indicator), overall.Description);

    /// <summary>
    /// Services, with Statuspage's group components: a group is a component with <c>group: true</c> listing its
    /// members, whose <c>group_id</c> points back; its status is its worst member's.
    /// </summary>
    private static List<StatuspageComponent> Components(StatusPageSnapshot snapshot, string pageId)
    {
        var result = new List<StatuspageComponent>();
        var position = 1;
        foreach (var group in snapshot.Services.GroupBy(s => s.Service.Group))
        {
            string? groupId = null;
            if (group.Key is { } name)
            {
                groupId = GroupId(name);
                var members = group.Select(s => s.Service).ToList();
                result.Add(new StatuspageComponent(
                    groupId,
                    name,
                    WireNames.Of(members.Select(m => m.Status).Aggregate(ServiceStatus.Operational, StatusRules.Worst)),
                    members.Min(m => m.CreatedAt),
                    members.Max(m => m.StatusChangedAt ?? m.UpdatedAt),
                    position++,
                    null,
                    false,
                    null,
                    null,
                    pageId,
                    true,
                    false,
                    [.. members.Select(m => m.Id.ToString())]));
            }

            foreach (var s in group.Select(g => g.Service))
            {
                result.Add(new StatuspageComponent(
                    s.Id.ToString(),
                    s.Name,
                    WireNames.Of(s.Status),
                    s.CreatedAt,
                    s.StatusChangedAt is { } changed && changed > s.UpdatedAt ? changed : s.UpdatedAt,
                    position++,
                    s.Description.Length == 0 ? null : s.Description,
                    false,
                    null,
                    groupId,
                    pageId,
                    false,
                    false,
                    null));
            }
        }

        return result;
    }

    private static StatuspageIncident Incident(IncidentDto i, string pageId, string url, Dictionary<string, StatuspageComponent> components) => new(
        i.Id.ToString(),
        i.Title,
        WireNames.Of(i.Status),
        i.CreatedAt,
        i.UpdatedAt,
        i.Updates.FirstOrDefault(u => u.Status == IncidentStatus.Monitoring)?.CreatedAt,
        i.ResolvedAt,
        WireNames.Of(i.Impact),
        $"{url}#incident-{i.Id}",
        i.CreatedAt,
        pageId,
        [.. i.Updates.OrderByDescending(u => u.CreatedAt).Select(u => new StatuspageIncidentUpdate(
            u.Id.ToString(), WireNames.Of(u.Status), u.Message, i.Id.ToString(), u.CreatedAt, u.CreatedAt, u.CreatedAt, null, true, null, null))],
        [.. i.AffectedServiceIds.Select(id => id.ToString()).Where(components.ContainsKey).Select(id => components[id])]);

    private static StatuspageMaintenance Maintenance(MaintenanceDto m, string pageId, string url, Dictionary<string, StatuspageComponent> components) => new(
        m.Id.ToString(),
        m.Title,
        WireNames.Of(m.Status),
        m.CreatedAt,
        m.UpdatedAt,
        null,
        m.CompletedAt,
        "maintenance",
        $"{url}#maintenance-{m.Id}",
        m.StartedAt ?? m.StartsAt,
        pageId,
        m.Description.Length == 0
            ? []
            : [new StatuspageIncidentUpdate(m.Id.ToString(), WireNames.Of(m.Status), m.Description, m.Id.ToString(), m.CreatedAt, m.UpdatedAt, m.CreatedAt, null, true, null, null)],
        [.. m.AffectedServiceIds.Select(id => id.ToString()).Where(components.ContainsKey).Select(id => components[id])],
        m.StartsAt,
        m.EndsAt);

    /// <summary>A stable id for a group (groups are names, not rows): the same name always gets the same id.</summary>
    private static string GroupId(string name) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("status-group:" + name)).AsSpan(0, 16)).ToString();
}
