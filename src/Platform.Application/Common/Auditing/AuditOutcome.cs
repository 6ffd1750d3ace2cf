namespace Platform.Application.Common.Auditing;

public static class AuditOutcome
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
