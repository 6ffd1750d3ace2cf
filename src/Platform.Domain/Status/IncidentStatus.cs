namespace Platform.Domain.Status;

/// <summary>Where an incident stands. Any status may follow any other until <see cref="Resolved"/>, which is final.</summary>
public enum IncidentStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}
