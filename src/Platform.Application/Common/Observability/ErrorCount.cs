namespace Platform.Application.Common.Observability;

/// <summary>
/// How many problem responses with one error code, route and status all instances sent within one minute
/// (<c>error_counts</c>). Written by the instances' error counters with SQL of their own; read by the admin error view.
/// </summary>
public sealed class ErrorCount
{
    private ErrorCount()
    {
    }

    /// <summary>The start of the minute.</summary>
    public DateTimeOffset Bucket { get; private set; }

    public string Code { get; private set; } = string.Empty;

    /// <summary>The route template, or <c>(none)</c> when no endpoint matched.</summary>
    public string Route { get; private set; } = string.Empty;

    public int Status { get; private set; }

    public long Count { get; private set; }
}
