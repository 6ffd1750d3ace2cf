namespace Platform.Domain.Status;

/// <summary>The page-wide indicator summarising every service: see <see cref="StatusRules.Overall"/>.</summary>
public enum StatusIndicator
{
    None,
    Minor,
    Major,
    Critical,
    Maintenance,
}
