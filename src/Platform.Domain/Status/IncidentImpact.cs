namespace Platform.Domain.Status;

/// <summary>How badly an incident affects users, as declared by staff.</summary>
public enum IncidentImpact
{
    None,
    Minor,
    Major,
    Critical,
}
