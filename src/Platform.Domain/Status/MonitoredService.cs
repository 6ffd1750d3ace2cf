using Platform.Domain.Common;
using Platform.Domain.Status.Events;

namespace Platform.Domain.Status;

/// <summary>
/// A service shown on the status page (Statuspage calls it a component). Its current status is not held here: it is
/// the latest <see cref="StatusEvent"/> recorded for it. <see cref="Version"/> starts at 1 and grows with each change;
/// it is the ETag and optimistic-concurrency token.
/// </summary>
public sealed class MonitoredService : Entity
{
    private MonitoredService()
    {
    }

    private MonitoredService(Guid id, string slug, string name, string description, string? group, int displayOrder, DateTimeOffset now)
        : base(id)
    {
        Slug = slug;
        Name = name;
        Description = description;
        Group = group;
        DisplayOrder = displayOrder;
        CreatedAt = now;
        UpdatedAt = now;
        Version = 1;
    }

    /// <summary>Stable public key in URLs: see <see cref="StatusRules.IsValidSlug"/>.</summary>
    public string Slug { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    /// <summary>Heading the service is listed under on the page, or null for none.</summary>
    public string? Group { get; private set; }

    public int DisplayOrder { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static MonitoredService Create(string slug, string name, string description, string? group, int displayOrder, DateTimeOffset now)
    {
        var service = new MonitoredService(
            Uuid7.Create(now),
            CheckSlug(slug),
            CheckName(name),
            CheckDescription(description),
            CheckGroup(group),
            CheckDisplayOrder(displayOrder),
            now);
        service.Raise(new MonitoredServiceChangedDomainEvent(service, now));
        return service;
    }

    /// <summary>
    /// Records that the service entered <paramref name="status"/> at <paramref name="occurredAt"/>. The event is the
    /// service's history; the service's version moves too, because its representation shows its current status.
    /// </summary>
    public StatusEvent RecordStatus(ServiceStatus status, string message, DateTimeOffset occurredAt, Guid? createdBy, DateTimeOffset now)
    {
        var recorded = StatusEvent.Record(Id, status, message, occurredAt, createdBy, now);
        Version++;
        return recorded;
    }

    /// <summary>Marks the service as about to be deleted, so the page that lists it is rebuilt.</summary>
    public void Delete(DateTimeOffset now) => Raise(new MonitoredServiceChangedDomainEvent(this, now));

    /// <summary>
    /// Merges a change: a null argument leaves its field as it is. Because a null group also means "no group", the
    /// group is only touched when <paramref name="groupSet"/> is true (then null removes the service from its group).
    /// Every value is checked before any is applied; the version grows only if something actually changed.
    /// </summary>
    public void Update(string? slug, string? name, string? description, string? group, bool groupSet, int? displayOrder, DateTimeOffset now)
    {
        var newSlug = slug is null ? Slug : CheckSlug(slug);
        var newName = name is null ? Name : CheckName(name);
        var newDescription = description is null ? Description : CheckDescription(description);
        var newGroup = groupSet ? CheckGroup(group) : Group;
        var newDisplayOrder = displayOrder is null ? DisplayOrder : CheckDisplayOrder(displayOrder.Value);

        if (newSlug == Slug && newName == Name && newDescription == Description && newGroup == Group && newDisplayOrder == DisplayOrder)
        {
            return;
        }

        Slug = newSlug;
        Name = newName;
        Description = newDescription;
        Group = newGroup;
        DisplayOrder = newDisplayOrder;
        UpdatedAt = now;
        Version++;
        Raise(new MonitoredServiceChangedDomainEvent(this, now));
    }

    private static string CheckSlug(string slug) =>
        StatusRules.IsValidSlug(slug)
            ? slug
            : throw StatusChecks.Invalid(
                StatusErrorCodes.InvalidSlug,
                $"The slug must be 1 to {StatusRules.SlugMaxLength} lower-case letters and digits, in groups joined by single hyphens.",
                "slug");

    private static string CheckName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is > 0 and <= StatusRules.NameMaxLength
            ? trimmed
            : throw StatusChecks.Invalid(StatusErrorCodes.InvalidName, $"The name must be 1 to {StatusRules.NameMaxLength} characters.", "name");
    }

    private static string CheckDescription(string description) =>
        StatusChecks.OptionalText(description, StatusRules.ServiceDescriptionMaxLength, StatusErrorCodes.InvalidDescription, "description");

    private static string? CheckGroup(string? group)
    {
        if (group is null)
        {
            return null;
        }

        var trimmed = group.Trim();
        return trimmed.Length is > 0 and <= StatusRules.GroupMaxLength
            ? trimmed
            : throw StatusChecks.Invalid(
                StatusErrorCodes.InvalidGroup,
                $"The group must be null or 1 to {StatusRules.GroupMaxLength} characters.",
                "group");
    }

    private static int CheckDisplayOrder(int displayOrder) =>
        displayOrder is >= 0 and <= StatusRules.DisplayOrderMax
            ? displayOrder
            : throw StatusChecks.Invalid(
                StatusErrorCodes.InvalidDisplayOrder,
                $"The display order must be 0 to {StatusRules.DisplayOrderMax}.",
                "display_order");
}
