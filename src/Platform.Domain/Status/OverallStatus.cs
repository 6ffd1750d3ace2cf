namespace Platform.Domain.Status;

/// <summary>The page-wide status: an indicator and the sentence shown next to it.</summary>
public sealed record OverallStatus(StatusIndicator Indicator, string Description);
