namespace Platform.Domain.Status;

/// <summary>Uptime per day (oldest first, one entry per requested day) and over the whole range (null when nothing counted).</summary>
public sealed record UptimeReport(IReadOnlyList<UptimeDay> Days, double? UptimePercent);
