namespace Platform.Application.Status;

/// <summary>The insertion sequence of status events (a column the domain does not see), the last tie-breaker.</summary>
public static class StatusEventOrder
{
    public const string Sequence = "Seq";
}
