using System.Text.RegularExpressions;

namespace Platform.Domain.Status;

/// <summary>Limits and pure rules of the status page: severity of a service status, the page-wide status, slugs.</summary>
public static partial class StatusRules
{
    public const int SlugMaxLength = 64;
    public const int NameMaxLength = 100;
    public const int ServiceDescriptionMaxLength = 1000;
    public const int GroupMaxLength = 100;
    public const int DisplayOrderMax = 100_000;
    public const int EventMessageMaxLength = 2000;
    public const int TitleMaxLength = 200;
    public const int UpdateMessageMaxLength = 5000;
    public const int MaintenanceDescriptionMaxLength = 2000;

    /// <summary>How far ahead of the clock a status event may be dated, to absorb clock skew between callers.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Rank for "worst status": operational (0) &lt; under maintenance (1) &lt; degraded performance (2) &lt;
    /// partial outage (3) &lt; major outage (4). Planned maintenance is worse than nothing but better than any failure.
    /// </summary>
    public static int Severity(ServiceStatus status) => status switch
    {
        ServiceStatus.Operational => 0,
        ServiceStatus.UnderMaintenance => 1,
        ServiceStatus.DegradedPerformance => 2,
        ServiceStatus.PartialOutage => 3,
        ServiceStatus.MajorOutage => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown service status."),
    };

    /// <summary>The more severe of two statuses (by <see cref="Severity"/>).</summary>
    public static ServiceStatus Worst(ServiceStatus a, ServiceStatus b) => Severity(b) > Severity(a) ? b : a;

    /// <summary>
    /// The page-wide status from the statuses of all services; the first matching row wins:
    /// <list type="number">
    /// <item>every service major outage: critical, "Major System Outage";</item>
    /// <item>any major outage, or every service partial outage: major, "Partial System Outage";</item>
    /// <item>any partial outage: minor, "Minor Service Outage";</item>
    /// <item>every service degraded: minor, "Degraded System Service";</item>
    /// <item>any degraded: minor, "Partially Degraded Service";</item>
    /// <item>any under maintenance: maintenance, "Service Under Maintenance";</item>
    /// <item>otherwise, including no services at all: none, "All Systems Operational".</item>
    /// </list>
    /// Services under maintenance are left out of the "every service" rows, and "every" over no remaining service is
    /// false, so a page whose services are all under maintenance shows maintenance rather than an outage.
    /// </summary>
    public static OverallStatus Overall(IEnumerable<ServiceStatus> statuses)
    {
        var all = statuses.ToList();
        var active = all.Where(s => s != ServiceStatus.UnderMaintenance).ToList();

        bool Any(ServiceStatus status) => all.Contains(status);
        bool Every(ServiceStatus status) => active.Count > 0 && active.TrueForAll(s => s == status);

        if (Every(ServiceStatus.MajorOutage))
        {
            return new OverallStatus(StatusIndicator.Critical, "Major System Outage");
        }

        if (Any(ServiceStatus.MajorOutage) || Every(ServiceStatus.PartialOutage))
        {
            return new OverallStatus(StatusIndicator.Major, "Partial System Outage");
        }

        if (Any(ServiceStatus.PartialOutage))
        {
            return new OverallStatus(StatusIndicator.Minor, "Minor Service Outage");
        }

        if (Every(ServiceStatus.DegradedPerformance))
        {
            return new OverallStatus(StatusIndicator.Minor, "Degraded System Service");
        }

        if (Any(ServiceStatus.DegradedPerformance))
        {
            return new OverallStatus(StatusIndicator.Minor, "Partially Degraded Service");
        }

        return Any(ServiceStatus.UnderMaintenance)
            ? new OverallStatus(StatusIndicator.Maintenance, "Service Under Maintenance")
            : new OverallStatus(StatusIndicator.None, "All Systems Operational");
    }

    /// <summary>
    /// A slug is 1 to 64 characters of lower-case ASCII letters and digits in groups joined by single hyphens
    /// (<c>api</c>, <c>eu-west-1</c>); no leading, trailing or doubled hyphen.
    /// </summary>
    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= SlugMaxLength } && SlugPattern().IsMatch(slug);

    // \z rather than $: $ would also match before a final line feed.
    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
